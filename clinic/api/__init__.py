"""The REST API's shared machinery (auth, scope, errors, paging, schema) and its token endpoint."""
