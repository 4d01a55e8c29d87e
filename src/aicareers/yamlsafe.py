"""A strict YAML loader for hand-kept files: what ``yaml.safe_load`` lets through, refused with a reason.

``yaml.safe_load`` builds no arbitrary objects, but it still accepts what a careful reader of a
facts file never means, and fails on hostile input with a traceback instead of a message:

- a **duplicate key** (``currency: EUR`` then ``currency: USD`` in one record): the last wins,
  silently; here it is an error naming both lines;
- **deep nesting** (``[[[[...`` 20,000 deep): PyYAML's composer recurses once per level and
  dies with ``RecursionError``; here nesting is bounded (:data:`MAX_DEPTH`);
- **aliases** that expand exponentially (the "billion laughs"): the document stays small but
  whoever walks it runs out of memory; here the number of aliases and the size of the document
  once expanded are bounded;
- a **huge document**, or a **number with thousands of digits** (``int()`` refuses more than
  4,300 with a ``ValueError``): refused, with the length allowed.

Every error is an :class:`~aicareers.errors.InputError` naming the file, the line and the field
(the path of keys from the top, e.g. ``salaries[2].currency``), on one line.

>>> load_yaml("salaries:\\n  - id: a\\n    currency: EUR\\n    currency: USD\\n", "s.yaml")
Traceback (most recent call last):
...
aicareers.errors.InputError: s.yaml: record line 4: field salaries[1].currency: duplicate key (first at line 3)
>>> load_yaml("x: " + "[" * 20000 + "]" * 20000, "deep.yaml")
Traceback (most recent call last):
...
aicareers.errors.InputError: deep.yaml: record line 1: field x[1][1]...: nested more than 50 levels deep
>>> load_yaml("a: &a [1, 2]\\nb: [*a, *a]\\n", "ok.yaml")
{'a': [1, 2], 'b': [[1, 2], [1, 2]]}
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import InputError

__all__ = ["load_yaml", "load_yaml_file", "MAX_DEPTH", "MAX_ALIASES", "MAX_NODES", "MAX_BYTES", "MAX_DIGITS"]

#: The deepest nesting of mappings and lists (a facts record is 4 or 5 levels deep).
MAX_DEPTH = 50
#: The most aliases (``*name``) in one document.
MAX_ALIASES = 1000
#: The most nodes (keys, values, list items) in one document once its aliases are expanded.
MAX_NODES = 500_000
#: The largest document, in bytes (the facts files weigh some kilobytes).
MAX_BYTES = 4 << 20
#: The most characters of a number (quoted or not): a salary, a duration, a quantity.
MAX_DIGITS = 30

_INT_OR_FLOAT = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_NUMERIC = re.compile(r"[-+]?([\d_,. ]+)(?:[eE]([-+]?\d+))?")


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, composing with bounds and a path to the node being read."""

    def __init__(self, stream, name: str):
        super().__init__(stream)
        self.name = name
        self.path: list[str] = []
        self.aliases = 0
        self.nodes = 0
        self.weights: dict[int, int] = {}

    # -- errors
    def fail(self, mark, message: str, path: list[str] | None = None) -> InputError:
        line = f"line {mark.line + 1}" if mark is not None else None
        return InputError(self.name, line, _field(self.path if path is None else path), message)

    # -- composing
    def compose_node(self, parent, index):
        component = _component(parent, index)
        if component is not None:
            self.path.append(component)
        try:
            if len(self.path) > MAX_DEPTH:
                raise self.fail(self.peek_event().start_mark, f"nested more than {MAX_DEPTH} levels deep",
                                self.path[:3] + ["..."])
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise self.fail(event.start_mark, f"more than {MAX_ALIASES} aliases in one document")
                node = super().compose_node(parent, index)
                self.nodes += self.weight(node)
            else:
                node = super().compose_node(parent, index)
                self.nodes += 1
            if self.nodes > MAX_NODES:
                raise self.fail(node.start_mark, f"the document expands to more than {MAX_NODES:,} nodes "
                                                 "(aliases repeated within aliases?)")
            return node
        finally:
            if component is not None:
                self.path.pop()

    def weight(self, node) -> int:
        """How many nodes ``node`` stands for once every alias in it is expanded."""
        key = id(node)
        if key not in self.weights:
            if isinstance(node, SequenceNode):
                total = 1 + sum(self.weight(item) for item in node.value)
            elif isinstance(node, MappingNode):
                total = 1 + sum(self.weight(k) + self.weight(v) for k, v in node.value)
            else:
                total = 1
            self.weights[key] = total
        return self.weights[key]

    def compose_scalar_node(self, anchor):
        node = super().compose_scalar_node(anchor)
        digits = _digits(node.value) if node.tag in _INT_OR_FLOAT or node.tag.endswith(":str") else 0
        if digits > MAX_DIGITS:
            raise self.fail(node.start_mark, f"a number of {digits:,} digits: at most {MAX_DIGITS} are accepted")
        return node

    def compose_mapping_node(self, anchor):
        start = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self.resolve(MappingNode, None, start.implicit)
        node = MappingNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
        seen: dict[object, int] = {}
        while not self.check_event(yaml.MappingEndEvent):
            key = self.compose_node(node, None)
            if not isinstance(key, ScalarNode):
                raise self.fail(key.start_mark, "a key must be plain text, not a list or a mapping")
            if key.tag != "tag:yaml.org,2002:merge":
                identity = key.value if key.tag == "tag:yaml.org,2002:str" else (key.tag, key.value)
                if identity in seen:
                    raise self.fail(key.start_mark, f"duplicate key (first at line {seen[identity]})",
                                    self.path + [str(key.value)])
                seen[identity] = key.start_mark.line + 1
            value = self.compose_node(node, key)
            node.value.append((key, value))
        node.end_mark = self.get_event().end_mark
        return node


def _digits(text: str) -> int:
    """How many digits a number written ``text`` has once written out (0: not a number).

    >>> _digits("60000"), _digits("1e400000"), _digits("1.5E-3"), _digits("60 000 euros")
    (5, 400001, 5, 0)
    """
    found = _NUMERIC.fullmatch(text.strip())
    mantissa = sum(c.isdigit() for c in found.group(1)) if found else 0
    if not mantissa:
        return 0
    exponent = found.group(2)
    if exponent is None:
        return mantissa
    return mantissa + (abs(int(exponent)) if len(exponent) <= 12 else 10**12)


def _component(parent, index) -> str | None:
    """The path component of a node: its key in a mapping, ``[n]`` (1-based) in a list."""
    if isinstance(parent, SequenceNode) and isinstance(index, int):
        return f"[{index + 1}]"
    if isinstance(parent, MappingNode) and isinstance(index, ScalarNode):
        return str(index.value)[:60]
    return None


def _field(path: list[str]) -> str | None:
    text = ""
    for part in path:
        text += part if part.startswith("[") or part == "..." or not text else "." + part
    return text or None


def load_yaml(text: str, name: str):
    """The Python value of one YAML document, read strictly (see the module's text)."""
    if len(text) > MAX_BYTES:
        raise InputError(name, None, None, f"{len(text):,} characters: a facts file holds at most {MAX_BYTES:,}")
    loader = _StrictLoader(text, name)
    try:
        try:
            return loader.get_single_data()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            raise loader.fail(mark, f"not valid YAML: {error.problem or error.context}", []) from None
        except yaml.YAMLError as error:
            raise InputError(name, None, None, f"not valid YAML: {' '.join(str(error).split())}") from None
        except (ValueError, OverflowError) as error:  # a value PyYAML's constructors refuse
            raise InputError(name, None, None, f"not a valid value: {' '.join(str(error).split())[:200]}") from None
    finally:
        loader.dispose()


def load_yaml_file(path: str | os.PathLike):
    """:func:`load_yaml` of a UTF-8 file, whose size is checked before it is read."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, None, None, f"{size:,} bytes: a facts file holds at most {MAX_BYTES:,}")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(name, None, None, f"not UTF-8: {error}") from None
    except OSError as error:
        raise InputError(name, None, None, f"cannot read: {error.strerror or error}") from None
    return load_yaml(text, name)
