"""The command line's words in Chinese, keyed by the English written in the code.

Read by ``wording`` under a Chinese locale only. argparse's own words (its gettext
message ids) are here too; GB/T 15834 punctuation throughout, and option names, metavars
and values stay as the user types them.
"""

from __future__ import annotations

CATALOGUE = {
    # argparse's own words.
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "argument %(argument_name)s: %(message)s": "参数%(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的取值“%(value)s”（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "无效的取值“%(value)s”",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要%s个值",
    "expected %s arguments": "需要%s个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项%(option)s有歧义，可能是%(matches)s"
    ),
    "not allowed with argument %s": "不能与参数%s同时使用",
    "ignored explicit argument %r": "多余的取值%r",
    "one of the arguments %s is required": "参数%s必须给出一个",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的命令“%(parser_name)s”（可选：%(choices)s）"
    ),
    # The lines the command line writes.
    ": ": "：",
    "error: {message}": "错误：{message}",
    "warning: {message}": "警告：{message}",
    "{message} (see '{prog} --help')": "{message}（用法见“{prog} --help”）",
    "unknown command '{command}'": "未知的命令“{command}”",
    "wrote {path}": "已写入{path}",
    "skipped {path}: not a report": "已跳过{path}：不是报告",
    "skipped {path}: excluded": "已跳过{path}：已被配置排除",
    "interrupted": "已中断",
    "terminated by {signal}": "已被信号{signal}终止",
    "internal error: {error}. This is a bug; please report it to {where}"
    " (rerun with --debug for the traceback)": (
        "内部错误：{error}。这是reportlint的缺陷，请把所用的命令和引起错误的文件报告给{where}"
        "（加--debug重新运行可看到调用栈）"
    ),
    "the reportlint maintainers with the command and the file that caused it": (
        "reportlint的维护者"
    ),
    "expected a positive number of bytes, got '{text}'": "应为正整数字节数，而不是“{text}”",
    "{text} bytes is more than can be read; the largest is {limit:,}": (
        "{text}字节超出可读取的范围，最大为{limit:,}"
    ),
    "expected a positive number of findings, got '{text}'": "应为正整数，而不是“{text}”",
    # Help: the program and its commands.
    "Lint annual rule-of-law government reports.": "检查法治政府建设年度报告。",
    "one of:": "以下之一：",
    "lint report files and folders": "检查报告文件和文件夹",
    "Lint report files and folders.": "检查报告文件和文件夹。",
    "list every rule": "列出全部规则",
    "List every rule.": "列出全部规则。",
    "what a rule checks and why": "说明一条规则检查什么、为什么检查",
    "What a rule checks and why, how to fix its findings, and examples.": (
        "说明一条规则检查什么、为什么检查、发现问题后怎样改，并给出示例。"
    ),
    "print the JSON Schema of the report format (for editors)": (
        "输出报告格式的JSON Schema（供编辑器使用）"
    ),
    "Print the JSON Schema of the report format (for editors).": (
        "输出报告格式的JSON Schema（供编辑器使用）。"
    ),
    "run the pass/fail examples of rule packs (default: the bundled)": (
        "运行规则包中的通过和不通过示例（默认：内置规则包）"
    ),
    "Run the pass/fail examples of rule packs (default: the bundled).": (
        "运行规则包中的通过和不通过示例（默认：内置规则包）。"
    ),
    "write a commented report template and a config": "生成带注释的报告模板和配置文件",
    "Write a commented report template and a config.": "生成带注释的报告模板和配置文件。",
    "published report (.txt, .html, .docx) -> report YAML": (
        "把已发布的报告（.txt、.html、.docx）转为报告YAML"
    ),
    "Published report (.txt, .html, .docx) -> report YAML.": (
        "把已发布的报告（.txt、.html、.docx）转为报告YAML。"
    ),
    "report YAML -> the publishable document (.docx or .html)": (
        "由报告YAML生成可发布的文档（.docx或.html）"
    ),
    "Report YAML -> the publishable document (.docx or .html).": (
        "由报告YAML生成可发布的文档（.docx或.html）。"
    ),
    # Help: the options.
    "several outputs in one run: each --format writes to the --output that follows it,\n"
    "a --format without --output writes to stdout (one at most):\n"
    "  reportlint check reports --format json --output a.json --format sarif --output b.sarif\n": (
        "一次写出多种格式：每个--format写到紧随其后的--output，\n"
        "没有--output的--format写到标准输出（至多一个）：\n"
        "  reportlint check reports --format json --output a.json"
        " --format sarif --output b.sarif\n"
    ),
    "report files and folders (default: the working folder)": (
        "报告文件和文件夹（默认：当前文件夹）"
    ),
    "output format (default: text; github under GitHub Actions); may be repeated": (
        "输出格式（默认：text；在GitHub Actions中为github），可多次给出"
    ),
    "write the preceding --format to FILE instead of stdout": (
        "把前一个--format的输出写到文件FILE，而不是标准输出"
    ),
    "section profile: six-section (default), national, or a file": (
        "报告结构：six-section（默认，六个部分）、national，或一个结构文件"
    ),
    "rule IDs or prefixes to run": "只运行这些规则：规则编号或前缀（如RL201、RL2），用逗号分隔",
    "rule IDs or prefixes to skip": "跳过这些规则：规则编号或前缀，用逗号分隔",
    "the lowest severity that fails the run (default: error)": (
        "出现哪一级别的问题即为不通过（默认：error，即错误）"
    ),
    "configuration file (default: discovered)": "配置文件（默认：自动查找）",
    "an extra rule pack file or folder of packs (may be repeated)": (
        "另加的规则包文件或规则包文件夹（可多次给出）"
    ),
    "validate rule packs and config afresh; read and write no cache": (
        "重新校验规则包和配置，不读写缓存"
    ),
    "language of messages (default: the locale's)": "消息的语言（默认：按系统的语言设置）",
    "files linted in parallel (default: one per 4 files, up to the CPU count)": (
        "同时检查的文件数（默认：每4个文件1个，至多为CPU核数）"
    ),
    "counts per rule after the findings": "在问题之后列出每条规则的问题数",
    "findings only, no summary line": "只列出问题，不输出汇总行",
    "text output: one line per finding, without the report's line and the hint": (
        "文本输出中每个问题只占一行，不显示报告原文和修改建议"
    ),
    "also list the files passed over, and why": "同时列出跳过的文件及原因",
    "name files in machine outputs from DIR (default: the git top level)": (
        "供程序读取的输出中，文件路径从DIR算起（默认：git仓库的根目录）"
    ),
    "check a named YAML file only if it is a report, as in folders (pre-commit)": (
        "命令行给出的YAML文件也只在是报告时才检查，与文件夹中的文件一样（供pre-commit使用）"
    ),
    "plain text output": "输出不带颜色",
    "largest file read (10 MiB)": "可读取文件的最大字节数（默认：10MiB）",
    "findings reported per file; one more finding counts the rest (1000)": (
        "每个文件至多报告的问题数，其余的合为一个问题计数（默认：1000）"
    ),
    "show the traceback of an internal error": "出现内部错误时显示调用栈",
    "write the fixes of findings that have one right replacement, then check": (
        "对只有一种正确改法的问题直接写入修改，然后再检查"
    ),
    "show those fixes as a diff; write nothing": "显示这些修改前后的差异，不写入文件",
    "output format (default: text)": "输出格式（默认：text）",
    "a rule ID (RL201) or name (review-rate)": "规则编号（如RL201）或名称（如review-rate）",
    "write it to FILE instead of stdout": "写到文件FILE，而不是标准输出",
    "rule pack files or folders": "规则包文件或文件夹",
    "print the document each example builds and the findings it gets": (
        "显示每个示例生成的文档和检查出的问题"
    ),
    "rule IDs or prefixes whose examples run": "只运行这些规则的示例：规则编号或前缀，用逗号分隔",
    "the report to write (default: report.yaml)": "要生成的报告文件（默认：report.yaml）",
    "overwrite existing files": "覆盖已有的文件",
    "start from last year's report: years rolled forward, figures left as XX": (
        "以上一年度的报告为底稿：年份顺延，数字改为XX"
    ),
    "the year reported on (default: last year; with --from, the year after it)": (
        "报告年度（默认：上一年；用--from时为底稿的下一年）"
    ),
    "the body that reports (某某县人民政府)": "报告机关（如某某县人民政府）",
    "administrative level (default: county)": "行政层级（默认：county，即县级）",
    "a government or one of its departments (default: government)": (
        "报告主体是政府还是政府部门（默认：government，即政府）"
    ),
    "the published report to read": "要读取的已发布报告",
    "YAML file to write (default: stdout)": "要写入的YAML文件（默认：标准输出）",
    "overwrite OUT if it exists": "OUT已存在时覆盖它",
    "also list the text dropped": "同时列出舍弃的文字",
    "the report YAML to render": "要生成文档的报告YAML",
    "report.docx or report.html": "report.docx或report.html",
}
