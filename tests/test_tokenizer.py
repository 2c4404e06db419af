"""3. Tokenizer: our own jieba instance, the domain dictionary, silence, per-user cache."""
import subprocess
import sys

from zuofeng_nlp.tokenizer import get_tokenizer, tokenize, userdict_terms


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
    env = {"ZUOFENG_CACHE": str(tmp_path / "cache"), "PATH": "", "HOME": str(tmp_path)}
    code = "from zuofeng_nlp.tokenizer import tokenize; print(tokenize('文山会海'))"
    for _ in range(2):  # the first run builds the cache, the second loads it
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert done.stdout.strip() == "['文山会海']"
    assert list((tmp_path / "cache").glob("jieba*.cache"))
