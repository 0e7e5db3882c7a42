"""spaCy pipeline components, one factory per module."""
