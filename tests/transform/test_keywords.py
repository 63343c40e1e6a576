"""jieba keywords in the page's own script."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.model import Article, Block, BlockKind
from reader.transform.highlight import find_spans
from reader.transform.keywords import Keyword, default_stopwords, keywords, load_jieba

ROOT = Path(__file__).resolve().parents[2]


def article_from(prefix: str) -> Article:
    (path,) = (ROOT / "sample_articles").glob(f"{prefix}_*.txt")
    paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return Article(title=paras[0], blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paras[1:]))


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    load_jieba()


def test_keyword_is_frozen() -> None:
    k = Keyword("阿里", 0.5, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        k.word = "x"  # type: ignore[misc]


def test_ali_in_top_five_of_002() -> None:
    found = keywords(article_from("002"), top=5)
    assert len(found) == 5
    assert "阿里" in [k.word for k in found]
    assert found == sorted(found, key=lambda k: -k.weight)


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_no_noise_in_seed_keywords(prefix: str) -> None:
    article = article_from(prefix)
    found = keywords(article, top=15)
    assert len(found) == 15
    stop = default_stopwords()
    for k in found:
        assert len(k.word) >= 2
        assert not k.word.replace(".", "").isdigit()
        assert any(ch.isalpha() for ch in k.word)
        assert k.word.lower() not in stop
        assert k.count >= 1 and k.weight > 0
    assert len({k.word for k in found}) == len(found)


def test_mixed_page_keywords_in_displayed_form() -> None:
    article = article_from("001")  # mixed: 吳泳銘 is written in Traditional there
    found = keywords(article, top=10)
    words = [k.word for k in found]
    assert "阿里" in words[:3]
    assert "吳泳銘" in words and "吴泳铭" not in words
    shown = article.title + "\n" + article.body_text
    for k in found:
        assert k.count == len(find_spans(shown, [k.word])) > 0


def test_traditional_article_keywords_stay_traditional() -> None:
    from reader.transform.convert import convert_article

    shown = convert_article(article_from("002"), "s2t")
    words = [k.word for k in keywords(shown, top=10)]
    assert "阿里" in words[:5]
    assert "電商" in words and "电商" not in words


def test_counts_are_script_insensitive() -> None:
    a = Article(title="", blocks=(Block(BlockKind.PARAGRAPH, "阿里雲和阿里云都是阿里雲。阿里雲的雲計算。"),))
    found = {k.word: k.count for k in keywords(a, top=5)}
    assert found, found
    for word, count in found.items():
        assert count == len(find_spans(a.body_text, [word]))


def test_user_stopwords_are_dropped() -> None:
    found = keywords(article_from("002"), top=5, stopwords=["阿里", " AI "])
    words = [k.word for k in found]
    assert "阿里" not in words and "AI" not in words
    assert len(words) == 5


def test_textrank() -> None:
    found = keywords(article_from("002"), top=8, method="textrank")
    assert len(found) == 8
    assert found[0].weight == pytest.approx(1.0)
    assert "模型" in [k.word for k in found]


def test_userdict(tmp_path: Path) -> None:
    userdict = tmp_path / "dict.txt"
    userdict.write_text("阿里云 200000 nz\n", encoding="utf-8")
    before = [k.word for k in keywords(article_from("003"), top=10)]
    assert "阿里云" not in before
    after = [k.word for k in keywords(article_from("003"), top=10, userdict=str(userdict))]
    assert "阿里云" in after


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        keywords(article_from("002"), method="lda")
    assert keywords(article_from("002"), top=0) == []
    assert keywords(Article(title="", blocks=(Block(BlockKind.PARAGRAPH, "  "),))) == []


def _python(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_jieba_is_imported_lazily() -> None:
    # (That loading it prints nothing is checked through the CLI: tests/cli/test_keywords_cli.py.)
    proc = _python(
        "import sys\n"
        "import reader.transform.keywords, reader.transform.highlight, reader.transform.convert\n"
        "assert 'jieba' not in sys.modules, 'imported at module level'\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "" and proc.stderr == ""


# -- whole words -------------------------------------------------------------------


def _pages() -> list[tuple[str, Article]]:
    from support import shared

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "sample_articles").glob("*.txt"))]
    if shared.have_shared():
        texts += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(shared.HTML_DEV.glob("*.gold.txt"))]
    out = []
    for name, text in texts:
        paras = [p.strip() for p in text.split("\n") if p.strip()]
        out.append((name, Article(title=paras[0], blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paras[1:]))))
    return out


def test_seed_keywords_are_whole_words() -> None:
    words = {k.word for prefix in ("000", "003") for k in keywords(article_from(prefix), top=15)}
    assert {"英伟达", "平头哥", "新质生产力"} <= words
    assert not {"伟达", "平头", "新质"} & words


def test_keywords_are_never_a_rare_fragment_of_one_longer_word() -> None:
    """On the seeds and html-dev: no keyword that is rare (jieba's IDF ≥ RARE_IDF, or
    unknown) and has, at every occurrence on the page, the same content word of
    jieba's segmentation right before it (or after it): 伟达 always after 英."""
    import rjieba

    from reader.transform.convert import convert_text
    from reader.transform.idf import table
    from reader.transform.newwords import RARE_IDF, _content

    bad = []
    for name, article in _pages():
        simp = convert_text("\n".join([article.title, article.body_text]), "t2s")
        tokens = rjieba.tag(simp, True)
        found = [convert_text(k.word, "t2s") for k in keywords(article, top=10)]
        idf = table().get(found)
        for word in found:
            if idf.get(word, RARE_IDF) < RARE_IDF:
                continue
            at = [i for i, (w, _) in enumerate(tokens) if w == word]
            if len(at) < 2 or not _content(*tokens[at[0]]):
                continue  # seen once, or a verb or function word: 无限期|封禁 is a phrase
            for step in (-1, 1):
                near = {tokens[i + step] if 0 <= i + step < len(tokens) else None for i in at}
                (only,) = near if len(near) == 1 else (None,)
                if only is not None and _content(*only):
                    bad.append((name, word, only[0]))
    assert not bad, bad


def test_new_words_stay_on_their_page() -> None:
    import rjieba

    keywords(article_from("000"), top=10)  # finds 英伟达 on that page
    assert rjieba.cut("英伟达", True) == ["英", "伟达"]  # the global dictionary is untouched


def test_keywords_in_the_displayed_script() -> None:
    from reader.transform.convert import convert_article_to
    from reader.transform.keywords import in_script

    article = article_from("002")
    found = keywords(article, top=10)
    shown = convert_article_to(article, "taiwan")
    tw = in_script(found, "taiwan", shown=shown.title + "\n" + shown.body_text)
    assert [k.weight for k in tw] == [k.weight for k in found]
    assert "電商" in [k.word for k in tw] and "电商" in [k.word for k in found]
    assert [k.word for k in in_script(found, "traditional", "s2t")][: len(found)]
    assert all(k.word in shown.title + shown.body_text for k in tw)


# -- the fast path is jieba's own ranking ------------------------------------------


def test_words_are_tagged_as_the_segmenter_tags_them_in_the_page() -> None:
    """keywords tags only the words new words need, each on its own: the same tags as
    tagging the whole page (seeds and html-dev, every distinct word)."""
    import rjieba

    from reader.transform.convert import convert_text
    from reader.transform.keywords import _tagger

    for name, article in _pages():
        simp = convert_text("\n".join([article.title, article.body_text]), "t2s")
        truth = dict(rjieba.tag(simp, True))
        assert _tagger(simp)(list(truth)) == truth, name


@pytest.fixture(scope="module")
def jieba_tfidf():
    import logging

    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.CRITICAL)
    return jieba.analyse.TFIDF()


def test_tfidf_ranks_the_joined_words_as_jiebas_extract_tags(jieba_tfidf) -> None:
    """The top words of `_tfidf` (IDF looked up only for words that can still reach the
    top) are jieba's extract_tags on the same words, in the same order."""
    from collections import Counter

    from reader.transform.convert import convert_text
    from reader.transform.keywords import _cut, _is_noise, _tagger, _tfidf
    from reader.transform.newwords import common_words, merge

    class Given:
        def __init__(self, words: list[str]) -> None:
            self.words = words

        def cut(self, sentence: str) -> list[str]:
            return self.words

    for name, article in _pages()[:12]:
        simp = convert_text("\n".join([article.title, article.body_text]), "t2s")
        cut = _cut(simp)
        words = merge(cut, common_words(), _tagger(simp))
        ours = [(w, x) for w, x in _tfidf(Counter(words), frozenset(), 15) if not _is_noise(w)][:15]
        jieba_tfidf.tokenizer = Given(words)
        theirs = [(w, x) for w, x in jieba_tfidf.extract_tags(simp, topK=None, withWeight=True) if not _is_noise(w)]
        assert [w for w, _ in ours] == [w for w, _ in theirs[:15]], name
        assert [x for _, x in ours] == pytest.approx([x for _, x in theirs[:15]], rel=1e-12), name


def test_textrank_keywords_are_whole_words() -> None:
    words = {k.word for prefix in ("000", "003") for k in keywords(article_from(prefix), top=15, method="textrank")}
    assert {"英伟达", "新质生产力"} <= words
    assert not {"伟达", "新质"} & words
