"""Coding: parsed sentences -> CAMEO/PLOVER events with evidence."""
