"""Simplified ⇄ Traditional conversion with OpenCC, converting only what is not yet
in the target script.

Config names are OpenCC's own (``s2t``, ``t2s``, ``s2twp`` …, without ``.json``), each
applied with the phrase-trap corrections of `corrections`.  A *chain* is several
configs joined with ``+`` and applied left to right.

`to_script` / `convert_article_to` (and `config_for_target` under them) never fold
a page through the other script and back, a lossy round trip (為 → 为 → 爲, 才能 →
纔能, 玉峰 → 玉峯): a Traditional page to traditional is left as written, to taiwan
gets ``t2tw``, to hongkong ``t2hk``; a Simplified page to simplified is left alone.
A mixed page gets a ``mixed2…`` config (MIXED_CONFIGS): `runs` finds its Simplified
and Traditional clauses; only the runs in the other script are converted, and in the
runs already in the target only stray characters of the other script (阿里云 in a
Traditional clause), with the run as context for OpenCC's phrases.

Converters are created once per config and cached; OpenCC is imported lazily.
"""
from __future__ import annotations

import functools
from typing import Callable

from reader.model import Article, Block, Removed, Script, ScriptInfo

# Every config the official OpenCC binding ships (>= 1.1.9).
CONFIGS: tuple[str, ...] = (
    "s2t", "t2s",
    "s2tw", "tw2s",
    "s2hk", "hk2s",
    "s2twp", "tw2sp",
    "t2tw", "t2hk",
    "hk2t", "tw2t",
    "t2jp", "jp2t",
)
# Friendly targets for `reader clean --to` and the app's menu.
TARGETS: tuple[str, ...] = ("simplified", "traditional", "taiwan", "hongkong")
# The s→t configs that `config_for_target(..., variant=...)` accepts for "traditional".
TRADITIONAL_VARIANTS: tuple[str, ...] = ("s2t", "s2tw", "s2twp", "s2hk")
VARIANT_LABELS: dict[str, str] = {
    "s2t": "OpenCC standard (爲, 衆, 啓)",
    "s2tw": "Taiwan (為, 眾, 啟)",
    "s2twp": "Taiwan with Taiwan phrases (軟體, 記憶體)",
    "s2hk": "Hong Kong (為, 衆, 啓)",
}
# What most Traditional readers write: Taiwan's standard character forms, without
# s2twp's vocabulary swaps (信息 → 資訊, 项目 → 專案), which misfire on phrase traps.
DEFAULT_VARIANT = "s2tw"
# The regional config for text already in Traditional, per variant.
_T2_REGIONAL: dict[str, str | None] = {"s2t": None, "s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk"}

# Converting only what is not yet in the target: name -> (target script, config for
# runs in the other script, config for runs already in the target or None).
MIXED_CONFIGS: dict[str, tuple[Script, str, str | None]] = {
    "mixed2s": (Script.SIMPLIFIED, "t2s", None),
    "mixed2t": (Script.TRADITIONAL, "s2t", None),
    "mixed2tw": (Script.TRADITIONAL, "s2tw", "t2tw"),
    "mixed2twp": (Script.TRADITIONAL, "s2twp", "t2tw"),
    "mixed2hk": (Script.TRADITIONAL, "s2hk", "t2hk"),
}

CHAIN_SEPARATOR = "+"

# The script a config's output is written in (None: not a 简/繁 target, e.g. t2jp).
_OUTPUT_SCRIPT: dict[str, Script | None] = {
    "s2t": Script.TRADITIONAL, "s2tw": Script.TRADITIONAL, "s2hk": Script.TRADITIONAL,
    "s2twp": Script.TRADITIONAL, "s2hkp": Script.TRADITIONAL, "t2tw": Script.TRADITIONAL, "t2hk": Script.TRADITIONAL,
    "hk2t": Script.TRADITIONAL, "tw2t": Script.TRADITIONAL, "jp2t": Script.TRADITIONAL,
    "t2s": Script.SIMPLIFIED, "tw2s": Script.SIMPLIFIED, "hk2s": Script.SIMPLIFIED,
    "tw2sp": Script.SIMPLIFIED, "hk2sp": Script.SIMPLIFIED,
    "t2jp": None,
    **{name: target for name, (target, _, _) in MIXED_CONFIGS.items()},
}


def _available() -> set[str]:
    """Config names this OpenCC build knows (it may have a few more than CONFIGS)."""
    import opencc

    names = {name[:-5] for name in getattr(opencc, "CONFIGS", []) if name.endswith(".json")}
    return (names or set(CONFIGS)) | set(MIXED_CONFIGS)


def _split(config: str) -> list[str]:
    if not isinstance(config, str) or not config.strip():
        raise ValueError("empty OpenCC config name")
    parts = [p.strip().removesuffix(".json") for p in config.split(CHAIN_SEPARATOR)]
    known = _available()
    for part in parts:
        if part not in known:
            choices = ", ".join([*CONFIGS, *MIXED_CONFIGS])
            raise ValueError(f"unknown OpenCC config {part!r} (choose from {choices}; chain with '+')")
    return parts


@functools.lru_cache(maxsize=None)
def _opencc(config: str) -> Callable[[str], str]:
    import opencc

    try:
        cc = opencc.OpenCC(config + ".json")
    except Exception as exc:  # the binding raises RuntimeError for unreadable configs
        raise ValueError(f"OpenCC cannot load config {config!r}: {exc}") from exc
    return cc.convert


@functools.lru_cache(maxsize=None)
def _single(config: str) -> Callable[[str], str]:
    if config in MIXED_CONFIGS:
        return _mixed(config)
    from reader.transform.corrections import corrected

    return corrected(config, _opencc(config))


def _mixed(name: str) -> Callable[[str], str]:
    from reader.transform.runs import runs, strays

    target, other_config, own_config = MIXED_CONFIGS[name]
    other = Script.SIMPLIFIED if target is Script.TRADITIONAL else Script.TRADITIONAL
    convert_other = _single(other_config)
    # A stray in a run already in the target is converted with the run as context
    # (遠征 stays 遠征 because the whole of 远征 is seen).
    convert_stray = converter("t2s+s2t" if target is Script.TRADITIONAL else "t2s")
    convert_own = _single(own_config) if own_config else None

    def fix_strays(text: str) -> str:
        where = strays(text, other)
        if not where:
            return text
        converted = convert_stray(text)
        if len(converted) != len(text):  # a phrase changed the length: characters alone
            from reader.transform.script import s2t_char_table, t2s_char_table

            table = s2t_char_table() if target is Script.TRADITIONAL else t2s_char_table()
            converted = "".join(table.get(ch, ch) for ch in text)
        chars = list(text)
        for i in where:
            chars[i] = converted[i]
        return "".join(chars)

    def run(text: str) -> str:
        out = []
        for r in runs(text):
            piece = text[r.start : r.end]
            if r.script is other:
                out.append(convert_other(piece))
                continue
            piece = fix_strays(piece)
            out.append(convert_own(piece) if convert_own else piece)
        return "".join(out)

    return run


@functools.lru_cache(maxsize=None)
def converter(config: str) -> Callable[[str], str]:
    """A function converting text with `config` (a name from CONFIGS or a chain "a+b").

    Raises ValueError for an unknown config.  Created once per config and cached.
    """
    steps = [_single(part) for part in _split(config)]
    if len(steps) == 1:
        return steps[0]

    def chained(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return chained


def is_valid_config(config: str) -> bool:
    try:
        _split(config)
    except ValueError:
        return False
    return True


def config_for_target(target: str, source: Script, variant: str = "s2t") -> str | None:
    """The config that turns a page in `source` script into `target`, converting only
    what is not in the target yet; None when the page already is.

    target: one of TARGETS.  variant: which s→t config "traditional" means
    (s2t = OpenCC standard, s2tw, s2twp, s2hk; see VARIANT_LABELS); ignored for the
    other targets (taiwan is s2twp, hongkong s2hk).

    - Simplified page: None for simplified, else the s→t config (variant / s2twp / s2hk).
    - Traditional page: t2s for simplified; for the Traditional targets the regional
      step only: None (s2t), t2tw (Taiwan variants) or t2hk.
    - Mixed or Unknown page: the matching ``mixed2…`` config (see MIXED_CONFIGS).
    """
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r} (choose from {', '.join(TARGETS)})")
    source = Script(source)
    if target == "simplified":
        return {Script.SIMPLIFIED: None, Script.TRADITIONAL: "t2s"}.get(source, "mixed2s")
    if target == "traditional":
        if variant not in TRADITIONAL_VARIANTS:
            raise ValueError(f"unknown traditional variant {variant!r} (choose from {', '.join(TRADITIONAL_VARIANTS)})")
        final = variant
    elif target == "taiwan":
        final = "s2twp"
    else:
        final = "s2hk"
    if source is Script.SIMPLIFIED:
        return final
    if source is Script.TRADITIONAL:
        return _T2_REGIONAL[final]
    return "mixed2" + final[2:]


def target_of(script: Script) -> str:
    """The target named by a script (SIMPLIFIED -> "simplified", else "traditional")."""
    return "simplified" if Script(script) is Script.SIMPLIFIED else "traditional"


def other_target(text: str) -> str:
    """The target `t` should switch a page to: the script it is not (mostly) written in.

    A mixed page counts as the script most of its evidence is in."""
    from reader.transform.script import count

    counts = count(text)
    return "simplified" if counts.traditional > counts.simplified else "traditional"


def to_script(text: str, target: str, variant: str = DEFAULT_VARIANT) -> str:
    """`text` in `target` (one of TARGETS), converting only what is not there yet."""
    from reader.transform.script import detect_script

    config = config_for_target(target, detect_script(text).script, variant)
    return convert_text(text, config) if config else text


def convert_article_to(article: Article, target: str, variant: str = DEFAULT_VARIANT) -> Article:
    """The article in `target` (one of TARGETS), converting only what is not there yet:
    what the CLI's ``--to`` and the app's 简/繁 toggle show.  The source script is the
    article's own (`article.script`), detected on title and body when it is not set."""
    from reader.transform.script import detect_script

    if article.script is None:
        article = article.with_changes(script=detect_script(article.title + "\n" + article.body_text))
    assert article.script is not None
    config = config_for_target(target, article.script.script, variant)
    return convert_article(article, config) if config else article


def output_script(config: str) -> Script | None:
    """The script `config`'s output is written in, or None if it is not 简/繁 (t2jp)."""
    return _OUTPUT_SCRIPT.get(_split(config)[-1])


def convert_text(text: str, config: str) -> str:
    return converter(config)(text) if text else text


# The converted article's script confidence is measured on this much of its text:
# evidence saturates long before (script.FULL_EVIDENCE characters).
_CONFIDENCE_SAMPLE = 20_000


def _convert_many(texts: list[str], conv: Callable[[str], str]) -> list[str]:
    """`conv` of each text, in one call: OpenCC's per-call cost is most of the time on
    an article of many short blocks.  Newlines are never converted and no phrase spans
    one, so the joined text splits back by line counts."""
    joined = conv("\n".join(texts))
    lines = joined.split("\n")
    if len(lines) != sum(t.count("\n") + 1 for t in texts):
        return [conv(t) for t in texts]  # cannot happen with OpenCC; stay correct anyway
    out, pos = [], 0
    for t in texts:
        n = t.count("\n") + 1
        out.append("\n".join(lines[pos : pos + n]))
        pos += n
    return out


def convert_article(article: Article, config: str) -> Article:
    """The same article in another script: same blocks, same order, same kinds.

    Title, author, site, source, editor and removed-block texts are converted too, and the
    `script` field describes the converted text.
    """
    from reader.transform.script import detect_script, script_info

    conv = converter(config)
    fields = [article.title, article.author, article.site, article.source, article.editor]
    texts = [f or "" for f in fields] + [b.text for b in article.blocks] + [r.text for r in article.removed]
    converted = iter(_convert_many(texts, conv))
    title, author, site, source, editor = (c if f else f for f, c in zip(fields, [next(converted) for _ in fields]))
    blocks = tuple(Block(b.kind, next(converted)) for b in article.blocks)
    removed = tuple(Removed(next(converted), r.reason, r.index) for r in article.removed)
    text = "\n".join([title or "", *(b.text for b in blocks)])[:_CONFIDENCE_SAMPLE]
    expected = output_script(config)
    info: ScriptInfo = script_info(text, expect=expected) if expected else detect_script(text)
    return article.with_changes(
        title=title,
        blocks=blocks,
        removed=removed,
        author=author,
        site=site,
        source=source,
        editor=editor,
        script=info,
    )
