"""Scenario files: schema (pydantic), documented parameters, loading with extends and overrides."""
