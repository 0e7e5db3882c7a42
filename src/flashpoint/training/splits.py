"""Fixed held-out splits, decided by a hash of each item and a constant seed.

Training and evaluation read the same rule, so a held-out sentence is never trained on and
`flashpoint eval --split heldout` scores exactly the held-out part.
"""

from __future__ import annotations

import hashlib

__all__ = [
    "SYNTHETIC_HELD_OUT_SHARE",
    "UN_QUAD_HELD_OUT_SHARE",
    "held_out",
    "synthetic_held_out",
    "un_quad_held_out",
]

SEED = 20261206
UN_QUAD_HELD_OUT_SHARE = 0.2
SYNTHETIC_HELD_OUT_SHARE = 0.15  # of the project's written sentences, by story


def held_out(key: str, share: float, seed: int = SEED) -> bool:
    digest = hashlib.sha1(f"{seed}:{key}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < share


def un_quad_held_out(sentence: str) -> bool:
    """Whether a sentence of un_quad_train.tsv is in the project's held-out fifth."""
    return held_out(sentence.strip(), UN_QUAD_HELD_OUT_SHARE)


def synthetic_held_out(group: str) -> bool:
    """Whether a written sentence (or the story it belongs to) is in the held-out part."""
    return held_out(group, SYNTHETIC_HELD_OUT_SHARE)
