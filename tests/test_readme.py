"""README commands stay in sync with CI."""

import re

from tests.conftest import REPO


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    test_command = next(b for b in blocks if "pytest" in b).strip()
    assert test_command in (REPO / ".ci" / "run").read_text()


def test_readme_main_command_codes_a_bundled_example():
    readme = (REPO / "README.md").read_text()
    main = re.search(r"flashpoint code (examples/\S+)", readme)
    assert main and (REPO / main.group(1)).is_file()
