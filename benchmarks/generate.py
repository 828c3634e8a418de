"""Generate many varied 附件一 forms, for the benchmark and the batch tests."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import yaml

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
    "程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜"
    "范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤"
    "尹黎易常武乔贺赖龚文"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉兰萍毅浩宇轩然婷岗辉孝宁钢"
)
CATEGORIES = ["权力运行", "制度机制", "外部环境", "作风效能", "其他"]
SENTENCES = [
    "在工作中脱离实际，不深入现场，对专家的督促管理工作不到位，可能出现失职现象。",
    "责任心不强，在工作中有畏难情绪，怕承担责任，创新意识不够，不能开拓工作局面。",
    "出现有意回避规章制度或执行不到位的现象。",
    "忽视办事公开工作，不利于群众监督。",
    "个人生活圈和社交圈等不利因素影响导致职责履行损公肥私风险。",
    "工作对象、服务对象在思想和利益上进行侵蚀，影响职能履行风险。",
    "对信息化建设重视不够，不熟悉现场落实执行情况，不能及时发现和处理运行中的问题。",
    "法律法规把握不透彻，职责履行产生偏差和失误。",
    "受外部环境影响，做事不切实际，工作不追求实效，搞形式主义风险。",
    "思想上产生庸、懒、散，工作没有成效。",
]


def individual_form(rng: random.Random, number: int) -> dict[str, Any]:
    """Return the data of one varied 附件一, as its YAML file would hold it."""
    name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
    risks = []
    for category in rng.sample(CATEGORIES, rng.randint(1, 4)):
        details = rng.sample(SENTENCES, rng.randint(1, 3))
        risks.append(
            {
                "category": category,
                "name": f"{category}风险{number % 7 + 1}",
                "details": [f"{i}.{text}" for i, text in enumerate(details, 1)],
                "level": rng.randint(1, 4),
            }
        )

    form: dict[str, Any] = {"form": "individual", "filer": name, "risks": risks}
    if rng.random() < 0.3:
        form["review"] = {"opinion": "同意", "signed_on": date(2020, 4, 15)}
    return form


def write_forms(folder: Path, count: int, seed: int = 2020) -> list[Path]:
    """Write ``count`` 附件一 files and a campaign.yaml into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    campaign = {"filed_on": date(2020, 4, 14), "report_to": "市公管办机关党委"}
    (folder / "campaign.yaml").write_text(yaml.safe_dump(campaign), encoding="utf-8")

    paths = []
    for number in range(count):
        path = folder / f"附件一-{number:05d}.yaml"
        text = yaml.safe_dump(individual_form(rng, number), allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)

    return paths
