"""Event candidates: which clauses report an event, and under which CAMEO code."""
