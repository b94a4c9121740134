"""The JSON API and the Arabic right-to-left dashboard, served by one FastAPI app."""
