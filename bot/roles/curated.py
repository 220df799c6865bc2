"""Loading the curated role files in `roles/*.yaml`.

A broken file stops start-up with a message naming the file, the field and the problem, so the
admin who edited it can fix it without reading a stack trace.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.paths import roles_dir
from bot.roles.template import RoleTemplate

# Tables beside the role files that are not roles themselves.
NOT_ROLE_FILES = frozenset({"licences.yaml"})


class RoleFileError(ValueError):
    """A curated role file that cannot be used, with a message for the person who maintains it."""


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "(the file as a whole)"
        problems.append(f"field '{field}': {item['msg']}")
    return "; ".join(problems)


def load_role_file(path: Path) -> RoleTemplate:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise RoleFileError(f"Role file {path.name}: not valid YAML{where}.") from exc
    except OSError as exc:
        raise RoleFileError(f"Role file {path.name}: cannot be read ({exc.strerror}).") from exc
    if not isinstance(data, dict):
        raise RoleFileError(f"Role file {path.name}: expected a mapping of fields at the top.")
    try:
        role = RoleTemplate.model_validate(data)
    except ValidationError as exc:
        raise RoleFileError(f"Role file {path.name}: {_describe(exc)}.") from exc
    known = {source.id for source in role.source_list}
    for field, source_id in role.sources.items():
        if source_id not in known:
            raise RoleFileError(
                f"Role file {path.name}: field 'sources.{field}' names source '{source_id}', "
                "which is not in source_list."
            )
    for index, entry in enumerate(role.faq):
        if entry.source not in known:
            raise RoleFileError(
                f"Role file {path.name}: field 'faq.{index}.source' names source "
                f"'{entry.source}', which is not in source_list."
            )
    for index, benchmark in enumerate(role.pay):
        if benchmark.source not in known:
            raise RoleFileError(
                f"Role file {path.name}: field 'pay.{index}.source' names source "
                f"'{benchmark.source}', which is not in source_list."
            )
    return role


def load_roles_from(directory: Path) -> dict[str, RoleTemplate]:
    roles: dict[str, RoleTemplate] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name in NOT_ROLE_FILES:
            continue
        role = load_role_file(path)
        if role.id in roles:
            raise RoleFileError(f"Role file {path.name}: field 'id': '{role.id}' is used twice.")
        roles[role.id] = role
    return roles


@cache
def load_curated_roles() -> dict[str, RoleTemplate]:
    """Every curated role, by id. Raises RoleFileError for the first broken file."""
    return load_roles_from(roles_dir())
