"""2. Structure: headings, sections, sentences; offsets always index the text."""
import re

import pytest

from zuofeng_nlp.structure import looks_like_heading, marker_level, section_kind, split_document


@pytest.mark.parametrize("text,level", [
    ("一、工作开展情况", 1), ("十二、其他", 1), ("（一）慢作为方面", 2), ("(三)乱作为方面", 2),
    ("1.会议过多", 3), ("2、文件过滥", 3), ("（1）审批超时", 4), ("3）台账不实", 4), ("①回复滞后", 5),
    ("一是高度重视。", 6), ("第一，提高认识", 6), ("其二，完善制度", 6), ("第二部分 存在问题", 1),
    ("部分干部办事拖沓", 0), ("2024年6月", 0), ("1.5倍的工作量", 0),
])
def test_marker_levels(text, level):
    assert marker_level(text) == level


@pytest.mark.parametrize("text,whole_line,expected", [
    ("一、工作开展情况", True, True),
    ("（一）慢作为方面。", False, True),
    ("一是高度重视。", False, True),
    ("一是部分干部办事拖沓，群众多次往返。", True, False),
    ("存在问题：", True, True),
    ("部分干部办事拖沓、效率低下。", True, False),
    ("县农业综合服务中心", True, True),
])
def test_heading_shapes(text, whole_line, expected):
    assert looks_like_heading(text, whole_line) is expected


@pytest.mark.parametrize("title,kind", [
    ("二、存在问题", "findings"), ("二、自查自纠情况", "findings"), ("三、原因剖析", "causes"),
    ("四、整改措施", "measures"), ("四、下步工作打算", "measures"), ("一、工作开展情况", "other"),
    ("三、存在问题的原因", "causes"), ("五、表彰先进", None),
])
def test_section_kinds(title, kind):
    assert section_kind(title) == kind


def test_offsets_hold_for_every_sample(sample_texts):
    assert sample_texts, "no sample reports found"
    for name, text in sample_texts.items():
        doc = split_document(text)
        assert doc.sentences, name
        for s in doc.sentences:
            assert text[s.start:s.end] == s.text, (name, s)
            assert s.text.strip() == s.text
        for sec in doc.sections:
            assert 0 <= sec.start < sec.end <= len(text)


def test_sections_and_inline_headings():
    text = ("一、自查情况\n（一）慢作为方面。部分干部办事拖沓；有的股室缓办拖办。\n"
            "二、原因剖析\n（一）理想信念不坚定。宗旨意识淡薄。\n三、整改措施\n建立限时办结制度。")
    doc = split_document(text)
    texts = [s.text for s in doc.sentences]
    assert texts == ["一、自查情况", "（一）慢作为方面。", "部分干部办事拖沓；", "有的股室缓办拖办。", "二、原因剖析",
                     "（一）理想信念不坚定。", "宗旨意识淡薄。", "三、整改措施", "建立限时办结制度。"]
    by_text = {s.text: s for s in doc.sentences}
    assert by_text["部分干部办事拖沓；"].section == "（一）慢作为方面。"
    assert by_text["部分干部办事拖沓；"].section_kind == "findings"
    assert by_text["部分干部办事拖沓；"].parent_section == "一、自查情况"
    assert by_text["宗旨意识淡薄。"].section_kind == "causes"
    assert by_text["建立限时办结制度。"].section_kind == "measures"
    assert by_text["（一）慢作为方面。"].heading_like
    assert doc.has_findings_section


def test_half_width_punctuation_ends_sentences():
    text = "一是会议多;二是文件多!三是检查多?四是报表多."
    assert [s.text for s in split_document(text).sentences] == ["一是会议多;", "二是文件多!", "三是检查多?", "四是报表多."]


def test_closing_quote_stays_with_its_sentence():
    doc = split_document("群众说“办个事真难。”后来才办好。")
    assert [s.text for s in doc.sentences] == ["群众说“办个事真难。”", "后来才办好。"]


def test_colon_before_a_heading_ends_the_sentence():
    doc = split_document("现将有关情况报告如下：一、基本情况")
    assert [s.text for s in doc.sentences] == ["现将有关情况报告如下：", "一、基本情况"]


def hard_wrap(text: str, width: int) -> str:
    lines = []
    for line in text.split("\n"):
        lines += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(lines)


@pytest.mark.parametrize("width", [24, 28, 35])
def test_pdf_hard_wraps_give_the_same_sentences(example_text, width):
    plain = [s.text for s in split_document(example_text).sentences]
    wrapped_text = hard_wrap(example_text, width)
    wrapped = split_document(wrapped_text).sentences
    for s in wrapped:
        assert wrapped_text[s.start:s.end] == s.text
    assert [re.sub(r"\s", "", s.text) for s in wrapped] == [re.sub(r"\s", "", t) for t in plain]


def test_unwrapped_short_lines_are_not_joined():
    text = "一、存在问题\n会议多\n文件多\n二、整改措施"
    assert [s.text for s in split_document(text).sentences] == ["一、存在问题", "会议多", "文件多", "二、整改措施"]


def test_empty_and_blank_text():
    assert split_document("").sentences == ()
    assert split_document(" \n\n ").sentences == ()
