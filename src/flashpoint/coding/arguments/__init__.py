"""Who did it to whom: the actors a predicate's argument heads name, and their countries."""
