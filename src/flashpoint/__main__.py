"""``python -m flashpoint`` runs the command line."""

from .cli import main

main()
