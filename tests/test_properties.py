"""Property tests: random mixes of Chinese, punctuation, numbers, headings, white space and control
characters never break reading, structure or analysis; offsets always hold; output is deterministic."""
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from zuofeng_nlp import ReadError, analyze  # noqa: E402
from zuofeng_nlp.readers import decode_bytes  # noqa: E402
from zuofeng_nlp.structure import split_document  # noqa: E402

PIECES = ["一、", "（二）", "(3)", "1.", "2、", "①", "一是", "第一，", "存在问题", "原因剖析", "整改措施",
          "慢作为", "文山会海", "不存在乱作为问题", "部分干部办事拖沓", "经自查", "。", "；", "！", "？", ";",
          ",", "，", "：", "“", "”", "\n", "\r\n", "\r", "\t", " ", "\u3000", "\ufeff", "\x00", "\x07", "\x1b",
          "2024年", "3.5", "100%", "ABC", "😀", "𠀀", "…", "——", "、"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)
fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(texts)
def test_structure_offsets_always_hold(text):
    doc = split_document(text)
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text and s.text.strip()
    assert [s.start for s in doc.sentences] == sorted(s.start for s in doc.sentences)


@fast
@given(texts)
def test_analyze_never_fails_and_is_deterministic(text):
    first = analyze(text).to_dict()
    assert analyze(text).to_dict() == first
    for s in first["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert (s["role"] == "denial") == any(f["kind"] == "denial" for f in s["flags"])


@fast
@given(st.binary(max_size=400))
def test_decoding_bytes_gives_text_or_a_read_error(data):
    try:
        text = decode_bytes(data)
    except ReadError as e:
        assert "\n" not in str(e)
    else:
        assert isinstance(text, str) and "\r" not in text


def test_very_long_line():
    text = ("部分干部办事拖沓，" * 20000) + "。"
    report = analyze(text)
    assert len(report.sentences) == 1 and report.sentences[0].end == len(text)
