"""中文文本。"""

TEXTS: dict[str, str] = {
    "problem.unknown_question": "本问卷没有“{value}”这一问题",
    "problem.wrong_type": "应为{expected}，实为{found}",
    "problem.unknown_code": "“{value}”不是已知的ST.3代码",
    "problem.unknown_option": "“{value}”不是可选项",
    "problem.unknown_row": "“{value}”不是表中的行",
    "problem.unknown_column": "“{value}”不是“{subject}”一行的可选答案",
    "problem.missing_row": "“{subject}”一行尚未作答",
    "problem.exclusive_combined": "“{subject}”不能与其他选项同时选择",
    "problem.duplicate_option": "“{subject}”被选择了两次",
    "problem.comment_not_selected": "“{subject}”未被选择，却有意见",
    "problem.comments_not_allowed": "本问题的选项旁没有意见框",
    "problem.comment_not_allowed": "本问题没有意见框",
    "problem.unknown_key": "意外的键“{value}”",
    "problem.too_long": "共{count}个字符，上限为{limit}个",
    "problem.too_few": "请至少选择{limit}项",
    "problem.too_many": "最多选择{limit}项",
    "problem.required": "必须作答",
}
