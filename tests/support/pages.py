"""The small news article the CLI and hostile-input tests build their pages from:
a headline and three paragraphs of real-looking prose."""
from __future__ import annotations

TITLE = "某市启动老旧小区改造三年行动"
P1 = (
    "记者从市住建局获悉，本市日前正式启动老旧小区改造三年行动，计划用三年时间完成全市两百余个老旧小区的改造，"
    "惠及居民超过十万户。改造内容包括管网更新、加装电梯、外墙保温和停车设施建设等。"
)
P2 = (
    "市住建局负责人介绍，改造将坚持居民自愿、先民生后提升的原则，每个项目在开工前都要广泛征求居民意见，"
    "方案经过三分之二以上居民同意后才能实施。"
)
P3 = (
    "据了解，首批四十个小区已于本月陆续开工，预计年底前完工。市里还将建立改造质量回访制度，"
    "工程完工一年内由第三方机构对改造效果进行评估，并向社会公开评估结果。"
)
BODY = (P1, P2, P3)
