"""Frames for completions in Chinese, Japanese, Russian, French, German, Spanish, Portuguese.

Each language has a chat frame in the layout of a family that is often run in that language
(Qwen2.5 in Chinese, GPT-4o in Japanese and Portuguese, Llama 3 in Russian, Mistral in French,
Gemma in German, Claude in Spanish) and a DeepSeek-R1 frame whose thinking is in the language.
"""

from __future__ import annotations

from frame_base import E, Frame, bullets, hash_steps, numbered_bold, paragraphs, plain_numbered

R1_OPEN = {
    "zh": ("嗯，我现在要解决这个问题：{P}\n\n让我仔细想一想。", "好的，题目是这样的：{P}\n\n我先理清一下思路。"),
    "ja": ("さて、この問題を解いてみます。{P}\n\nまず何が問われているか考えます。",),
    "ru": ("Итак, задача такая: {P}\n\nДавайте подумаем.",),
    "fr": ("Bon, voyons le problème : {P}\n\nRéfléchissons étape par étape.",),
    "de": ("Okay, die Aufgabe lautet: {P}\n\nIch überlege Schritt für Schritt.",),
    "es": ("Bien, el problema dice: {P}\n\nVoy a pensarlo con calma.",),
    "pt": ("Certo, o problema é: {P}\n\nVou pensar com calma.",),
}

R1_END = {
    "zh": (E("**答案**\n\\[\n{B}\n\\]", "box", "slot"), E("所以答案是 \\({B}\\)。", "box", "slot")),
    "ja": (E("**答え**\n\\[\n{B}\n\\]", "box", "slot"),),
    "ru": (E("**Ответ:** \\({B}\\)", "box", "slot"),),
    "fr": (E("**Réponse finale**\n\\[\n{B}\n\\]", "box", "slot"),),
    "de": (E("**Endergebnis**\n\\[\n{B}\n\\]", "box", "slot"),),
    "es": (E("**Respuesta final**\n\\[\n{B}\n\\]", "box", "slot"),),
    "pt": (E("**Resposta final**\n\\[\n{B}\n\\]", "box", "slot"),),
}

R1_INTRO = {
    "zh": ("**解答：**", "解题过程如下："),
    "ja": ("**解答：**",),
    "ru": ("**Решение:**",),
    "fr": ("**Solution :**",),
    "de": ("**Lösung:**",),
    "es": ("**Solución:**",),
    "pt": ("**Solução:**",),
}


def _r1(lang: str) -> Frame:
    return Frame(
        f"deepseek_r1_{lang}",
        "think",
        lang,
        "paren",
        intro=R1_INTRO[lang],
        layout=numbered_bold,
        think_open=R1_OPEN[lang],
        think_math="plain",
        endings=R1_END[lang],
    )


FRAMES = [
    Frame(
        "qwen25_zh",
        "chat",
        "zh",
        "paren",
        intro=("我们一步一步来解决这个问题。", "下面分步求解。"),
        layout=numbered_bold,
        endings=(E("因此，答案是 \\({B}\\)。", "box", "slot"), E("**答案**：{S}", "say"), E("综上，{CB}", "box", "slot")),
    ),
    Frame(
        "gpt4o_ja",
        "chat",
        "ja",
        "paren",
        intro=("この問題を順を追って解いていきましょう。",),
        layout=hash_steps("### ステップ{i}："),
        endings=(E("**答え：** {S}", "say"), E("### 最終的な答え\n\\[\n{B}\n\\]", "box", "slot")),
    ),
    Frame(
        "llama3_ru",
        "chat",
        "ru",
        "dollar",
        intro=("",),
        layout=hash_steps("## Шаг {i}: "),
        endings=(E("Окончательный ответ: ${B}$", "box", "slot"), E("Ответ: {S}.", "say")),
    ),
    Frame(
        "mistral_fr",
        "chat",
        "fr",
        "dollar",
        intro=("Résolvons ce problème étape par étape :", "Voici la solution :"),
        layout=plain_numbered,
        endings=(E("La réponse est {S}.", "say"), E("Réponse : {S}", "say")),
    ),
    Frame(
        "gemma_de",
        "chat",
        "de",
        "dollar",
        intro=("So löst man die Aufgabe:", "Hier ist eine Schritt-für-Schritt-Lösung:"),
        layout=bullets,
        endings=(E("**Antwort:** {C}", "say"), E("**Antwort:** ${B}$", "box", "slot")),
    ),
    Frame(
        "claude_es",
        "chat",
        "es",
        "dollar",
        intro=("Voy a resolverlo paso a paso.", "Vamos a plantear el problema con cuidado."),
        layout=paragraphs,
        endings=(E("Así que la respuesta es {S}.", "say"), E("**{C}**", "say"), E("{C}\n\n$${B}$$", "box", "slot", "say")),
    ),
    Frame(
        "gpt4o_pt",
        "chat",
        "pt",
        "paren",
        intro=("Vamos resolver o problema passo a passo.",),
        layout=hash_steps("### Passo {i}: "),
        endings=(E("**Resposta:** {S}", "say"), E("### Resposta final\n\\[\n{B}\n\\]", "box", "slot")),
    ),
] + [_r1(lang) for lang in ("zh", "ja", "ru", "fr", "de", "es", "pt")]
