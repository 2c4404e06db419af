"""3. Tokenizer: our own jieba instance, the domain dictionary, silence, per-user cache."""
import subprocess
import sys

from pathlib import Path

import pytest

from zuofeng_nlp.corpus import read_corpus
from zuofeng_nlp.features import sentence_body
from zuofeng_nlp.tokenizer import get_tokenizer, segmenter_for, tokenize, userdict_terms

ROOT = Path(__file__).resolve().parent.parent


def test_dictionary_is_large_enough():
    assert len(userdict_terms()) >= 300


def test_every_dictionary_term_is_one_token():
    broken = [t for t, _, _ in userdict_terms() if tokenize(t) != [t]]
    assert broken == []


def test_terms_survive_inside_a_sentence():
    broken = [t for t, _, _ in userdict_terms() if t not in tokenize(f"部分干部存在{t}的情况。")]
    assert broken == []


def test_jieba_global_tokenizer_is_untouched():
    import jieba
    assert get_tokenizer() is not jieba.dt
    assert "踢皮球" not in jieba.dt.user_word_tag_tab


def test_silent_and_cached_per_user(tmp_path):
    env = {"ZUOFENG_CACHE": str(tmp_path / "cache"), "PATH": "", "HOME": str(tmp_path), "ZUOFENG_TOKENIZER": "jieba"}
    code = ("from zuofeng_nlp.tokenizer import tokenize, segmenter_for; "
            "print(segmenter_for(['文山会海'])('文山会海'), tokenize('文山会海'))")
    for _ in range(2):  # the first run builds the cache, the second loads it
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert done.stdout.strip() == "['文山会海'] ['文山会海']"
    assert list((tmp_path / "cache").glob("jieba*.cache"))
    assert list((tmp_path / "cache").glob("prefix-dict-*.sqlite"))


@pytest.fixture(scope="module")
def python_jieba():
    """Force the Python jieba backend (rjieba may be installed)."""
    import os
    saved = os.environ.get("ZUOFENG_TOKENIZER")
    os.environ["ZUOFENG_TOKENIZER"] = "jieba"
    yield
    if saved is None:
        del os.environ["ZUOFENG_TOKENIZER"]
    else:
        os.environ["ZUOFENG_TOKENIZER"] = saved


@pytest.fixture
def sqlite_segmenter(python_jieba, monkeypatch):
    """A segmenter on the SQLite prefix dictionary, even though the full tokenizer is loaded."""
    import zuofeng_nlp.tokenizer as t
    get_tokenizer()
    monkeypatch.setattr(t, "full_tokenizer_loaded", lambda: False)
    return t.segmenter_for


@pytest.fixture(scope="module")
def corpus_bodies():
    return [[sentence_body(d.text[s.start:s.end]) for s in d.sentences] for d in read_corpus(ROOT / "corpus")]


def test_sqlite_dictionary_gives_the_same_tokens_on_the_whole_corpus(sqlite_segmenter, corpus_bodies):
    for bodies in corpus_bodies:
        segment = sqlite_segmenter(bodies)
        assert segment is not tokenize
        for body in bodies:
            assert segment(body) == tokenize(body), body


@pytest.mark.parametrize("text", [
    "", "ABC123 abc，。", "中华人民共和国国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见",
    "乒乓球拍卖完了", "他说：“踢皮球、打官腔！”1.5倍 100% e-mail", "𠀀𠀁罕见字与常用字混排",
])
def test_sqlite_dictionary_gives_the_same_tokens_on_odd_text(sqlite_segmenter, text):
    assert sqlite_segmenter([text])(text) == tokenize(text)


def test_rjieba_gives_the_same_tokens_on_the_whole_corpus(python_jieba, corpus_bodies):
    pytest.importorskip("rjieba")
    from zuofeng_nlp.tokenizer import _rjieba_cut
    cut = _rjieba_cut()
    different = [b for bodies in corpus_bodies for b in bodies if cut(b) != tokenize(b)]
    assert different == []


def test_the_full_tokenizer_is_used_once_loaded(python_jieba):
    get_tokenizer()
    assert segmenter_for(["部分干部办事拖沓"]) is tokenize
