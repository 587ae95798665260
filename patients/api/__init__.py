"""REST API of patient records, assessments and the FHIR export."""
