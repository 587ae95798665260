"""REST API of the exercise library, programs, their items and session logs."""
