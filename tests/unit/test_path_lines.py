"""A path broken onto lines only after its separators, for the "Saved" dialog.

The bug: at 80x24 the dialog wrapped a deep OneDrive path inside a folder
name ("...OneDrive -" / "Institut National...") or inside the file name,
so a person could neither read it nor copy it whole.
"""

from hypothesis import given
from hypothesis import strategies as st

from enquete.text import path_lines, text_width

ONEDRIVE = (
    "/home/marie-christine/OneDrive - Institut National de la Propriété Industrielle/"
    "Documents/Enquêtes OMPI/CWS 2025/responses/FR.toml"
)
NAMES = st.text(alphabet=st.sampled_from(list("ab -.中é")), min_size=1, max_size=20)


def test_a_onedrive_path_breaks_between_folders_only() -> None:
    assert path_lines(ONEDRIVE, 66) == [
        "/home/marie-christine/",
        "OneDrive - Institut National de la Propriété Industrielle/",
        "Documents/Enquêtes OMPI/CWS 2025/responses/FR.toml",
    ]


def test_a_windows_path_breaks_after_backslashes_and_keeps_the_file_name_whole() -> None:
    path = "C:\\Users\\ivanov.p\\Documents\\Анкета ВОИС 2025\\ответы\\RU.toml"
    assert path_lines(path, 30) == [
        "C:\\Users\\ivanov.p\\Documents\\",
        "Анкета ВОИС 2025\\ответы\\",
        "RU.toml",
    ]


def test_chinese_folder_names_count_two_cells() -> None:
    assert path_lines("/数据/知识产权局问卷调查/CN.toml", 20) == ["/数据/", "知识产权局问卷调查/", "CN.toml"]


def test_a_name_wider_than_the_line_is_cut_at_its_spaces() -> None:
    name = "Réponses au questionnaire de l’OMPI sur les TIC"
    assert path_lines(f"/srv/{name}/FR.toml", 24) == [
        "/srv/",
        "Réponses au",
        "questionnaire de l’OMPI",
        "sur les TIC/FR.toml",
    ]


def test_control_sequences_in_a_folder_name_are_shown_inert() -> None:
    lines = path_lines("/tmp/\x1b]52;c;ZXZpbA==\x07[b]x[/b]\n/AU.toml", 80)
    assert lines == ["/tmp/\ufffd]52;c;ZXZpbA==\ufffd[b]x[/b]\u23ce/AU.toml"]


@given(names=st.lists(NAMES, min_size=1, max_size=12), width=st.integers(min_value=42, max_value=80))
def test_every_line_fits_and_every_name_is_whole(names: list[str], width: int) -> None:
    path = "/" + "/".join(names)
    lines = path_lines(path, width)
    assert "".join(lines) == path
    assert all(text_width(line) <= width for line in lines)
    assert all(line.endswith("/") for line in lines[:-1])
