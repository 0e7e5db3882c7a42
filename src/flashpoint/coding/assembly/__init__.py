"""Events out: the Coder assembles predicates, actors and context into Event records, ranks
and scores them."""
