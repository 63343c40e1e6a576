"""A page in Traditional characters is read as its Simplified twin is: every cue and
shape is matched on the Traditional -> Simplified fold, so converting a page with
OpenCC converts what `extract` keeps and changes nothing else."""
from __future__ import annotations

import opencc
import pytest

from extract.test_failure_classes import _CLOSE, _NOTICE, P1, P2, P3, _dump, _texts
from reader.extract.candidate import is_numbered_heading

_S2T = opencc.OpenCC("s2t.json")


def t(*lines: str) -> list[str]:
    return [_S2T.convert(line) for line in lines]


_BLURB = "与您一起关注小镇，分享社会新闻、经济民生、美食特产，以及传统文化，传递正能量！"
CASES = {
    # an account card's 功能介紹 over its blurb (a WeChat page flattened)
    "account card": ["小镇十年", "掌上小镇", "微信号", "zhangshangXZ", "功能介绍", _BLURB, "2024-05-20 09:00", P1, P2, P3],
    # an official notice's close: its issuer (某某市人民政府辦公室) over the date
    "notice close": ["关于做好2023年春季森林防火工作的通知", "发布时间：2023-03-01", *_NOTICE, *_CLOSE,
                     "网站地图", "联系我们", "主办单位：某某市人民政府办公室"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_traditional_page_keeps_what_its_simplified_twin_keeps(name: str) -> None:
    lines = CASES[name]
    assert _texts(_dump(*t(*lines))) == t(*_texts(_dump(*lines)))


def test_numbered_headings_in_traditional() -> None:
    assert is_numbered_heading("第一節 背景") and is_numbered_heading("第三節")
