"""The clinic's pages: sign-in with two-factor, the account page, staff, audit and API keys."""
