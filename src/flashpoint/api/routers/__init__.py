"""One router per resource, mounted under ``/v1`` by :func:`flashpoint.api.create_app`."""
