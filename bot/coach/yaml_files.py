"""Reading the YAML files people edit (cases, playbook, scenarios) with errors that say,
in Dutch, which file and which line is wrong."""
from __future__ import annotations

from pathlib import Path

import yaml  # no types-PyYAML in the venv


def read_yaml(path: Path | str, error: type[Exception],
              loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> object:
    """The parsed file; ``error`` with a Dutch message when it is missing or not YAML."""
    path = Path(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - safe loaders only
    except FileNotFoundError as err:
        raise error(f"{path}: bestand niet gevonden") from err
    except OSError as err:
        raise error(f"{path.name}: kan het bestand niet lezen ({err.strerror})") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" op regel {mark.line + 1}" if mark else ""
        raise error(f"{path.name}: geen geldige YAML{where}") from err
