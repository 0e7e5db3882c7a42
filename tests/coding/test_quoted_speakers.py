"""First-person words in quotes stand for the speaker (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import primary

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "cameo", "dyad"),
    [
        (
            '"We condemn the Russian strikes on Kyiv," the French foreign minister said.',
            "111",
            ("FRA", "RUS"),
        ),
        (
            'The Egyptian president said: "I urge Israel to halt the offensive."',
            "0256",
            ("EGY", "ISR"),
        ),
        (
            '"Rebels attacked us last night," the Malian army spokesman said.',
            "190",
            ("MLI", "MLI"),
        ),
    ],
)
def test_first_person_in_a_quote_is_its_speaker(code, text, cameo, dyad):
    event = primary(code(text))
    assert event.cameo.code == cameo
    assert (event.source.country, event.target.country) == dyad


def test_first_person_speaker_stays_unresolved(code):
    # No third party to stand for "we": nothing is invented.
    assert not code('"We condemn the strikes," we said.')
