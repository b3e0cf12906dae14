"""G — 签名与印章."""

RULES: list = []
