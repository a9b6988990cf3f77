"""Configuration: `newslint.toml`, `.newslint.toml` or `[tool.newslint]` in `pyproject.toml`.

The nearest file to each checked file wins (found by walking up its directories); `extend`
chains to a base file whose values the nearer file overrides; `--config PATH` names one file
for the whole run. Unknown keys and bad values are errors that name the file and the key.
`newslint config` prints the resolved settings and where each came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.profile import Profile, ProfileError
from newslint.registry import UnknownSelector, all_rules, house_styles, rule_by_code, validate_selectors
from newslint.rule import Rule, RuleOptions, option_default
from newslint.suggest import did_you_mean
from newslint.violation import Severity

if TYPE_CHECKING:
    import pathspec

CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".tox",
    "build",
    "dist",
)


class ConfigError(ValueError):
    """A configuration problem, worded as `file: key: what is wrong`."""


CONFIG_MAX_SIZE = 10 * 1024 * 1024  # a config file larger than this is not one (/dev/zero, a log)


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return list(value)


@dataclass(frozen=True)
class Settings:
    """A file's resolved settings: its config file's values over the defaults (`load_settings`)."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    extend_exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: ["*.txt", "*.md"])
    locale: str | None = None
    style: str | None = None
    vocabulary: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # options by rule name
    unsafe_fixes: bool = False
    fallback_encoding: str | None = "windows-1252"
    max_file_size: int = 10 * 1024 * 1024
    profile_path: str | None = None  # the desk profile file, as resolved
    profile: Profile | None = field(default=None, compare=False, repr=False)  # ... and its contents
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this
    source: str = "defaults"
    origins: dict[str, str] = field(default_factory=dict)  # key -> file it came from
    rule_origins: dict[str, str] = field(default_factory=dict)  # rule name -> "file: rules.<key>"

    def __post_init__(self) -> None:
        """Settings built in code (the library API) are checked as a config file is:
        `Settings(style="apx")` is an error, not a run without a style."""
        where = "Settings"
        if self.locale is not None:
            _exact_choice(self.locale, LOCALES, f"{where}: locale")
        if self.style is not None:
            _exact_choice(self.style, house_styles(), f"{where}: style")
        if self.fallback_encoding is not None:
            _exact_choice(self.fallback_encoding, ("windows-1252",), f"{where}: fallback_encoding")
        _size(self.max_file_size, f"{where}: max_file_size")
        for key in ("select", "extend_select", "ignore"):
            _selectors(getattr(self, key) or [], f"{where}: {key}")
        for pattern, codes in self.per_file_ignores.items():
            _selectors(codes, f"{where}: per_file_ignores.{pattern}")
        for code, level in self.severity.items():
            _rule_code(code, f"{where}: severity")
            if not isinstance(level, Severity):
                raise ConfigError(f"{where}: severity.{code}: {level!r} is not a Severity")

    # --- queries ------------------------------------------------------------------------
    def ignores_for(self, path: str) -> list[str]:
        if not self.per_file_ignores:
            return []
        rel = _relative(path, self.root)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if _spec((pattern,)).match_file(rel):
                out.extend(codes)
        return out

    def is_excluded(self, path: Path) -> bool:
        return self.excludes(self.relative(path))

    def is_included(self, path: Path) -> bool:
        return self.includes(path.name, lambda: self.relative(path))

    # The same tests on a path already made relative to `root` (directory walks do that once per
    # directory, not once per file: resolving every path dominated large walks).
    def relative(self, path: Path) -> str:
        return _relative(str(path), self.root)

    def excludes(self, rel: str) -> bool:
        patterns = tuple(self.exclude or DEFAULT_EXCLUDE) + tuple(self.extend_exclude)
        names = _whole_names(patterns)
        if names is not None and names.isdisjoint(rel.split("/")):
            return False  # (a walk asks this of every file: the default excludes are such names)
        spec = _spec(patterns)
        return spec.match_file(rel) or spec.match_file(rel + "/")

    def includes(self, name: str, rel: Callable[[], str] | str) -> bool:
        patterns = tuple(self.include)
        endings = _name_endings(patterns)
        if endings is not None:  # (a walk asks this of every file: the default includes are such)
            return name.endswith(endings) or any(
                part.endswith(endings) for part in (rel() if callable(rel) else rel).split("/")
            )
        spec = _spec(patterns)
        return spec.match_file(name) or spec.match_file(rel() if callable(rel) else rel)

    def plain_file_test(self, rel_dir: str) -> tuple[tuple[str, ...], frozenset[str]] | None:
        """For a walk's folder (`rel_dir`, relative to `root`): (name endings, names) such that
        a file of the folder whose name has one of the endings and is not one of the names is
        included and not excluded, as `includes` and `excludes` answer for it, which the walk
        then need not ask file by file (it did for each of the 10,657 corpus stories); None when
        the patterns are not all such names, or a part of `rel_dir` is excluded by name."""
        endings = _name_endings(tuple(self.include))
        names = _whole_names(tuple(self.exclude or DEFAULT_EXCLUDE) + tuple(self.extend_exclude))
        if endings is None or names is None or not names.isdisjoint(rel_dir.split("/")):
            return None
        return endings, names

    def options_for(self, rule: type[Rule]) -> RuleOptions:
        """The rule's Options, built from `[rules.<family>]` and then `[rules.<rule-name>]`
        (validated when loading)."""
        values = self.rules.get(rule.family(), {}) | self.rules.get(rule.name, {})
        return rule.Options(**values)

    def options_origin(self, rule: type[Rule]) -> str | None:
        """Where the rule's options were written, for messages about them
        (`/desk/newslint.toml: rules.house-pattern`); None when no file wrote them."""
        return self.rule_origins.get(rule.name) or self.rule_origins.get(rule.family())


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # only runs that walk directories or use per-file ignores need it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


# A gitignore pattern of these characters alone (not dots alone) holds no wildcard, slash, negation
# or comment: it matches a path exactly when one of the path's parts is that name (at any depth,
# and all beneath it); "*" and then such characters, when a part ends with them.
_NAME = re.compile(r"[A-Za-z0-9._-]+")


@lru_cache(maxsize=256)
def _whole_names(patterns: tuple[str, ...]) -> frozenset[str] | None:
    """The patterns, when each is a plain name (`_NAME`); None otherwise."""
    if all(_NAME.fullmatch(p) and p.strip(".") for p in patterns):
        return frozenset(patterns)
    return None


@lru_cache(maxsize=256)
def _name_endings(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    """What follows the "*" of each pattern, when each is "*" and then a plain name (`*.txt`);
    None otherwise."""
    if all(p.startswith("*") and _NAME.fullmatch(p[1:]) for p in patterns):
        return tuple(p[1:] for p in patterns)
    return None


def _relative(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return p.as_posix()


# --- loading ------------------------------------------------------------------------------
_KEYS = {
    "extend",
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "include",
    "locale",
    "style",
    "vocabulary",
    "severity",
    "rules",
    "unsafe-fixes",
    "fallback-encoding",
    "max-file-size",
    "profile",
}


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above `start` (a directory)."""
    for directory in (start, *start.parents):
        found = config_file_in(directory)
        if found is not None:
            return found
    return None


def config_file_in(directory: Path, names: Collection[str] | None = None) -> Path | None:
    """The config file in `directory` itself, if it has one. `names`: the names the directory
    holds, when a walk has listed it already (then only a config name among them is looked at,
    and a folder deep in a tree costs no look-up of a long path per config name)."""
    for name in CONFIG_NAMES:
        if names is not None and name not in names:
            continue
        candidate = directory / name
        if candidate.is_file() and (
            name != "pyproject.toml" or "newslint" in _read_toml(candidate).get("tool", {})
        ):
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # imported on first use: most runs find no config file

    text = _read_text(path, CONFIG_MAX_SIZE, str(path), "config file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _read_text(path: Path, limit: int, shown: str, what: str) -> str:
    """A UTF-8 text file (a UTF-8 BOM is allowed), read only when it is a regular file and at
    most `limit` bytes: a fifo would hang the run and /dev/zero fill the memory."""
    from newslint import sources

    try:
        data = sources.read_regular(path, limit, shown)
    except sources.TooLarge:
        hint = " (raise max-file-size to read it)" if what == "word list" else ""
        raise ConfigError(f"{shown}: larger than {limit / 1e6:.1f} MB: not a {what}{hint}") from None
    except sources.SourceError as exc:  # a fifo or a device
        raise ConfigError(str(exc)) from None
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:64]
        hint = "; it looks like UTF-16: save it as UTF-8" if utf16 else ""
        raise ConfigError(f"{shown}: a {what} must be UTF-8 text (byte {exc.start} is not){hint}") from None


def _table_of(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newslint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.newslint] must be a table")
        return table
    return data


def load_settings(
    path: Path | None, overrides: dict[str, Any] | None = None, origin: str = "command line"
) -> Settings:
    """Settings from the config file `path` (with its `extend` chain), or the defaults;
    `overrides` (config keys) replace the file's values, and errors in them name `origin`."""
    raw: dict[str, Any] = {}
    origins: dict[str, str] = {}
    root = Path.cwd()
    if path is not None:
        raw, origins = _load_chain(path.resolve(), seen=())
        root = path.resolve().parent
    for key, value in (overrides or {}).items():
        if key == "rules" and isinstance(value, dict):
            origins.update({f"rules.{name}": origin for name in value})
            written = raw.get(key)
            if isinstance(written, dict):
                # a rule's (or family's) options given here replace those keys of the file's table
                value = written | {name: _merged(written.get(name), table) for name, table in value.items()}
        raw[key] = value
        origins[key] = origin
        if key == "profile":  # a path given on the command line is relative to where it was given
            raw["_profile_dir"] = str(Path.cwd())
    return _build(raw, origins, root, str(path) if path else "defaults")


def _merged(written: Any, given: Any) -> Any:
    """A table from the command line or the API on top of the file's: its keys replace the file's."""
    return written | given if isinstance(written, dict) and isinstance(given, dict) else given


def _load_chain(path: Path, seen: tuple[Path, ...]) -> tuple[dict[str, Any], dict[str, str]]:
    if path in seen:
        raise ConfigError(f"{path}: extend: circular chain of config files")
    table = dict(_table_of(path))
    raw: dict[str, Any] = {}
    origins: dict[str, str] = {}
    base = table.pop("extend", None)
    if base is not None:
        if not isinstance(base, str):
            raise ConfigError(f"{path}: extend: expected a path string")
        base_path = (path.parent / base).resolve()
        if not base_path.exists():
            raise ConfigError(f"{path}: extend: no such file {base_path}")
        if not base_path.is_file():  # a folder, a fifo (reading it would wait), a device
            raise ConfigError(f"{path}: extend: {base_path} is not a regular file")
        raw, origins = _load_chain(base_path, seen + (path,))
    for key, value in table.items():
        if key not in _KEYS:
            raise ConfigError(
                f"{path}: unknown key {key!r}{did_you_mean(key, _KEYS)} "
                f"(known keys: {', '.join(sorted(_KEYS))})"
            )
        if key == "rules" and isinstance(value, dict) and isinstance(raw.get("rules"), dict):
            merged = dict(raw["rules"])
            merged.update(value)
            value = merged
        raw[key] = value
        origins[key] = str(path)
        if key == "rules" and isinstance(value, dict):  # a rule's table is the last file's
            origins.update({f"rules.{name}": str(path) for name in table["rules"]})
        if key in ("vocabulary", "profile"):  # files are relative to the config file that names them
            raw[f"_{key}_dir"] = str(path.parent)
    return raw, origins


def _build(raw: dict[str, Any], origins: dict[str, str], root: Path, source: str) -> Settings:
    def where(key: str) -> str:
        return f"{origins.get(key, source)}: {key}"

    kwargs: dict[str, Any] = {"root": root, "source": source, "origins": dict(origins)}
    if "select" in raw:
        kwargs["select"] = _str_list(raw["select"], where("select"))
    for key in ("extend-select", "ignore", "exclude", "extend-exclude", "include"):
        if key in raw:
            kwargs[key.replace("-", "_")] = _str_list(raw[key], where(key))
    for key in ("select", "extend-select", "ignore"):
        _selectors(kwargs.get(key.replace("-", "_")) or [], where(key))
    if "per-file-ignores" in raw:
        table = raw["per-file-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where('per-file-ignores')}: expected a table of glob = [codes]")
        kwargs["per_file_ignores"] = {
            g: _selectors(
                _str_list(c, f"{where('per-file-ignores')}.{g}"), f"{where('per-file-ignores')}.{g}"
            )
            for g, c in table.items()
        }
    if "locale" in raw:
        kwargs["locale"] = _choice(raw["locale"], LOCALES, where("locale"), fold=True)
    if "style" in raw:
        kwargs["style"] = (
            _choice(raw["style"], house_styles(), where("style"), fold=True)
            if raw["style"] not in ("", "none")
            else None
        )
    if "max-file-size" in raw:
        kwargs["max_file_size"] = _size(raw["max-file-size"], where("max-file-size"))
    if "vocabulary" in raw:
        kwargs["vocabulary"] = _vocabulary(
            raw["vocabulary"],
            where("vocabulary"),
            Path(raw.get("_vocabulary_dir", root)),
            kwargs.get("max_file_size", Settings.max_file_size),
        )
    if raw.get("profile") not in (None, "", "none"):
        kwargs["profile_path"], kwargs["profile"] = _profile(
            raw["profile"], where("profile"), Path(raw.get("_profile_dir", root))
        )
    if "severity" in raw:
        kwargs["severity"] = _severities(raw["severity"], where("severity"))
    if "unsafe-fixes" in raw:
        kwargs["unsafe_fixes"] = _typed(raw["unsafe-fixes"], bool, where("unsafe-fixes"))
    if "fallback-encoding" in raw:
        value = raw["fallback-encoding"]
        kwargs["fallback_encoding"] = (
            None
            if value in ("none", "", False)
            else _choice(value, ("windows-1252",), where("fallback-encoding"))
        )
    if "rules" in raw:
        kwargs["rules"], kwargs["rule_origins"] = _rule_options(
            raw["rules"],
            where("rules"),
            lambda key: f"{origins.get(f'rules.{key}', origins.get('rules', source))}: rules.{key}",
        )
    return Settings(**kwargs)


def _selectors(values: list[str], where: str) -> list[str]:
    if not values:
        return values
    try:
        validate_selectors(values)
    except UnknownSelector as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return values


def _rule_code(key: str, where: str) -> str:
    """The code of the rule `key` names (a code or a name), or a ConfigError with a did-you-mean."""
    try:
        return rule_by_code(key).code
    except UnknownSelector as exc:
        raise ConfigError(f"{where}.{key}: {exc}") from None


def _size(value: Any, where: str) -> int:
    size: int = _typed(value, int, where)
    if size < 0:
        raise ConfigError(f"{where}: {size} is negative; give a size in bytes (10485760 is 10 MiB)")
    return size


def _exact_choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        close = did_you_mean(str(value).lower(), choices)
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}{close}")
    return str(value)


def _typed(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"{where}: expected {kind.__name__}, got {value!r}")
    return value


def _choice(value: Any, choices: tuple[str, ...], where: str, fold: bool = False) -> str:
    if isinstance(value, str):
        for choice in choices:
            if value == choice or (fold and value.lower() == choice.lower()):
                return choice
    close = did_you_mean(value.lower(), choices) if isinstance(value, str) else ""
    raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}{close}")


def _severities(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: expected a table of CODE = "warning"|"error"')
    out = {}
    for key, level in value.items():
        try:
            severity = Severity(level)
        except ValueError:
            raise ConfigError(f'{where}.{key}: {level!r} is not "warning" or "error"') from None
        out[_rule_code(key, where)] = severity  # a code or a rule's name; a typo is an error
    return out


def _vocabulary(value: Any, where: str, base: Path, limit: int) -> frozenset[str]:
    """`vocabulary = ["Zelenskyy", ...]` or `{ accept = [...], files = ["names.txt"] }`."""
    if isinstance(value, list):
        return frozenset(_str_list(value, where))
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a list of words or a table with accept/files")
    unknown = set(value) - {"accept", "files"}
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(
            f"{where}: unknown key {key!r}{did_you_mean(key, ('accept', 'files'))} (known: accept, files)"
        )
    words = set(_str_list(value.get("accept", []), f"{where}.accept"))
    for name in _str_list(value.get("files", []), f"{where}.files"):
        path = base / name
        try:
            lines = _read_text(path, limit, str(path), "word list").splitlines()
        except ConfigError as exc:
            raise ConfigError(f"{where}.files: {exc}") from None
        words.update(w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#"))
    return frozenset(words)


_PROFILES: dict[tuple[str, int, int], Profile] = {}


def _profile(value: Any, where: str, base: Path) -> tuple[str, Profile]:
    """`profile = "desk.nlprofile"`: the desk profile, loaded once per process (and again only
    when the file changes)."""
    path = base / _typed(value, str, where)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read {path} ({exc.strerror or exc})") from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _PROFILES:
        try:
            profile = Profile.load(path)
        except ProfileError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        if len(_PROFILES) >= 4:
            _PROFILES.clear()
        _PROFILES[key] = profile
    return str(path), _PROFILES[key]


def _rule_options(
    value: Any, where: str, rule_where: Callable[[str], str]
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The options of each rule by its name (or of a family's rules by the family's name), and
    where each table was written (`rule_where(key)`: "file: rules.<key>", the key as the desk
    wrote it)."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of rule-name = {{ options }}")
    by_name = {r.name: r for r in all_rules()}
    by_name.update({r.code: r for r in all_rules()})
    families = {r.family() for r in all_rules()}
    out: dict[str, dict[str, Any]] = {}
    origins: dict[str, str] = {}
    for key, options in value.items():
        if key in families:
            rule, name = _family_options(key, rule_where(key)), key
        elif key in by_name:
            rule = by_name[key]
            name = rule.name
        else:
            raise ConfigError(
                f"{where}.{key}: no rule named {key!r}{did_you_mean(key, [*by_name, *families])} "
                "(see `newslint rules`)"
            )
        if not isinstance(options, dict):
            raise ConfigError(f"{rule_where(key)}: expected a table of options")
        out[name] = _validate_options(rule, options, rule_where(key))
        origins[name] = rule_where(key)
    return out, origins


def _family_options(family: str, where: str) -> type[Rule]:
    """A rule of `family` whose options stand for all of the family's: `[rules.<family>]` sets
    options that every rule of the family shares (the NL9xx rules share one LanguageTool)."""
    members = [r for r in all_rules() if r.family() == family]
    if len({r.Options for r in members}) > 1:
        raise ConfigError(f"{where}: the {family} rules take different options; set them per rule")
    return members[0]


def _validate_options(rule: type[Rule], options: dict[str, Any], where: str) -> dict[str, Any]:
    fields = {f.name.replace("_", "-"): f for f in rule.option_fields()}
    values: dict[str, Any] = {}
    for key, value in options.items():
        f = fields.get(key) or fields.get(key.replace("_", "-"))
        if f is None:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(
                f"{where}: unknown option {key!r}{did_you_mean(key, fields)} (known options: {known})"
            )
        default = option_default(f)
        values[f.name] = _coerce(value, default, f"{where}.{key}")
    try:
        rule.Options(**values).validate()
    except ValueError as exc:  # worded "option...: what is wrong" (`patterns[0].pattern: ...`)
        raise ConfigError(f"{where}.{exc}") from None
    except TypeError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return values


def _coerce(value: Any, default: Any, where: str) -> Any:
    """Check a TOML value against the type of the option's default."""
    if default is None:
        return value
    if isinstance(default, bool):
        return _typed(value, bool, where)
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        return value
    if isinstance(default, (tuple, list, frozenset)):
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        return type(default)(value)
    if isinstance(default, dict):
        return _typed(value, dict, where)
    if isinstance(default, str):
        return _typed(value, str, where)
    return value
