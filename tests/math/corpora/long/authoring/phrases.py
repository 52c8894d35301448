"""Connective phrases a reasoning trace uses, per language (no numbers in any of them).

``{t}`` is a step's title with a lower-case first letter, ``{a}`` an answer as prose states it,
``{b}`` the working of a step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phrases:
    think_first: tuple[str, ...]
    think_next: tuple[str, ...]
    think_answer: tuple[str, ...]
    check_lead: tuple[str, ...]
    trust_check: tuple[str, ...]
    catch_lead: tuple[str, ...]
    redo: tuple[str, ...]
    doubt_lead: tuple[str, ...]
    catch_title: tuple[str, ...]
    doubt_title: tuple[str, ...]
    loop_lead: tuple[str, ...]
    verify_head: tuple[str, ...]
    given_head: tuple[str, ...] = ()
    check_title: tuple[str, ...] = ()
    understand_head: tuple[str, ...] = ()
    again: tuple[str, ...] = ()
    summary_head: tuple[str, ...] = ()


EN = Phrases(
    think_first=(
        "First, I need to {t}.",
        "Let me start. I need to {t}.",
        "Okay, so step one: {t}.",
        "The first thing is to {t}.",
    ),
    think_next=(
        "Next, I need to {t}.",
        "Now I should {t}.",
        "Then I have to {t}.",
        "Okay, now let me {t}.",
        "Alright, next I'll {t}.",
        "So the next part is to {t}.",
        "Now, {t}.",
        "After that I need to {t}.",
    ),
    think_answer=("So the answer is {a}.", "So the answer should be {a}.", "That gives {a} as the answer.", "So I get {a}."),
    check_lead=(
        "Wait, let me double-check that.",
        "Hmm, let me verify this another way.",
        "Let me make sure I didn't make a mistake.",
        "Let me check this again.",
        "Before I finish, let me sanity-check.",
    ),
    trust_check=(
        "Let me double-check the last part: {b} Yes, that seems right.",
        "Let me re-verify: {b} Okay, that's consistent with what I had.",
        "Checking again: {b} I think that's correct.",
    ),
    catch_lead=("Wait.", "Wait, hold on.", "Hmm, wait a second.", "Actually, no.", "Hold on, that's not right."),
    redo=("Let me redo that part.", "Let me redo the calculation from there.", "So I need to fix that.", "Let me recompute."),
    doubt_lead=("Hmm, actually, wait.", "But hold on.", "Wait, maybe I misread something.", "Hmm, but actually,"),
    catch_title=("Recheck the previous step", "Correct the mistake", "Re-examine the calculation"),
    doubt_title=("Reconsider the interpretation", "Re-examine the setup", "Double-check the approach"),
    loop_lead=(
        "Wait, let me recompute. {b}",
        "Hmm, let me check again. {b}",
        "Let me verify once more. {b}",
    ),
    verify_head=("### Verification:", "Verification:", "**Check:**", "Let's verify:"),
    given_head=("We are given:", "Here's what we know:", "**Given information:**", "Let's list the facts:", "From the problem:"),
    check_title=("Verify the answer", "Check the result", "Double-check"),
    understand_head=("First, let's understand what the problem is asking.", "Before calculating, a quick look at the setup."),
    again=(
        "Hmm, I want to be really sure. Let me go through the whole thing once more from the start.",
        "Let me redo everything carefully, from the beginning, to make sure.",
    ),
    summary_head=("**Summary:**", "### Summary", "To summarize:", "In short:"),
)

FR = Phrases(
    think_first=("D'abord, il faut {t}.", "Commençons : il faut {t}."),
    think_next=("Ensuite, il faut {t}.", "Maintenant, je dois {t}.", "Puis il reste à {t}."),
    think_answer=("Donc la réponse est {a}.", "La réponse serait donc {a}."),
    check_lead=("Attendez, vérifions.", "Je vérifie encore une fois."),
    trust_check=("Vérifions la dernière étape : {b} Oui, cela semble correct.",),
    catch_lead=("Attendez.", "Hmm, attendez un instant.", "Non, en fait."),
    redo=("Je refais le calcul.", "Il faut corriger cela."),
    doubt_lead=("Hmm, en fait, attendez.", "Mais attention."),
    catch_title=("Corriger l'erreur", "Revoir le calcul"),
    doubt_title=("Revoir l'interprétation",),
    loop_lead=("Attendez, je recalcule. {b}",),
    verify_head=("Vérification :",),
    given_head=("Données :", "Ce que l'on sait :"),
    check_title=("Vérifier le résultat",),
    understand_head=("Commençons par bien comprendre l'énoncé.",),
    again=("Je veux être sûr. Je reprends tout depuis le début.",),
    summary_head=("En résumé :",),
)

DE = Phrases(
    think_first=("Zuerst muss ich {t}.", "Fangen wir an: zuerst {t}."),
    think_next=("Als Nächstes muss ich {t}.", "Jetzt sollte ich {t}.", "Dann muss ich {t}."),
    think_answer=("Also ist die Antwort {a}.", "Die Antwort wäre also {a}."),
    check_lead=("Moment, ich überprüfe das.", "Ich prüfe das noch einmal."),
    trust_check=("Ich prüfe den letzten Schritt: {b} Ja, das scheint zu stimmen.",),
    catch_lead=("Moment.", "Warte mal.", "Nein, eigentlich nicht."),
    redo=("Ich rechne das neu.", "Das muss ich korrigieren."),
    doubt_lead=("Hmm, eigentlich, Moment.", "Aber Achtung."),
    catch_title=("Den Fehler korrigieren", "Die Rechnung überprüfen"),
    doubt_title=("Die Aufgabe neu lesen",),
    loop_lead=("Moment, ich rechne noch einmal. {b}",),
    verify_head=("Probe:",),
    given_head=("Gegeben:", "Was wir wissen:"),
    check_title=("Das Ergebnis prüfen",),
    understand_head=("Zuerst verstehen wir die Aufgabe.",),
    again=("Ich will sicher sein. Ich rechne alles noch einmal von vorne.",),
    summary_head=("Zusammenfassung:",),
)

ES = Phrases(
    think_first=("Primero, necesito {t}.", "Empecemos: hay que {t}."),
    think_next=("Luego, necesito {t}.", "Ahora debo {t}.", "Después hay que {t}."),
    think_answer=("Entonces la respuesta es {a}.", "Así que la respuesta sería {a}."),
    check_lead=("Espera, déjame comprobarlo.", "Lo verifico otra vez."),
    trust_check=("Compruebo el último paso: {b} Sí, parece correcto.",),
    catch_lead=("Espera.", "Un momento.", "No, en realidad no."),
    redo=("Rehago el cálculo.", "Tengo que corregir eso."),
    doubt_lead=("Hmm, en realidad, espera.", "Pero cuidado."),
    catch_title=("Corregir el error", "Revisar el cálculo"),
    doubt_title=("Reconsiderar el enunciado",),
    loop_lead=("Espera, lo recalculo. {b}",),
    verify_head=("Comprobación:",),
    given_head=("Datos:", "Lo que sabemos:"),
    check_title=("Verificar el resultado",),
    understand_head=("Primero, entendamos el problema.",),
    again=("Quiero estar seguro. Lo repaso todo desde el principio.",),
    summary_head=("Resumen:",),
)

PT = Phrases(
    think_first=("Primeiro, preciso {t}.", "Vamos começar: é preciso {t}."),
    think_next=("Depois, preciso {t}.", "Agora devo {t}.", "Em seguida, é preciso {t}."),
    think_answer=("Então a resposta é {a}.", "Portanto a resposta seria {a}."),
    check_lead=("Espere, deixe-me conferir.", "Vou verificar de novo."),
    trust_check=("Confiro o último passo: {b} Sim, parece correto.",),
    catch_lead=("Espere.", "Um momento.", "Não, na verdade não."),
    redo=("Refaço o cálculo.", "Preciso corrigir isso."),
    doubt_lead=("Hmm, na verdade, espere.", "Mas atenção."),
    catch_title=("Corrigir o erro", "Rever o cálculo"),
    doubt_title=("Reconsiderar o enunciado",),
    loop_lead=("Espere, vou recalcular. {b}",),
    verify_head=("Verificação:",),
    given_head=("Dados:", "O que sabemos:"),
    check_title=("Verificar o resultado",),
    understand_head=("Primeiro, vamos entender o problema.",),
    again=("Quero ter certeza. Vou refazer tudo desde o início.",),
    summary_head=("Resumo:",),
)

RU = Phrases(
    think_first=("Сначала нужно {t}.", "Начнём: нужно {t}."),
    think_next=("Дальше нужно {t}.", "Теперь надо {t}.", "Потом нужно {t}."),
    think_answer=("Значит, ответ {a}.", "Итак, ответ: {a}."),
    check_lead=("Подождите, проверю.", "Проверю ещё раз."),
    trust_check=("Проверю последний шаг: {b} Да, похоже, всё верно.",),
    catch_lead=("Подождите.", "Стоп.", "Нет, на самом деле не так."),
    redo=("Пересчитаю.", "Нужно это исправить."),
    doubt_lead=("Хм, хотя подождите.", "Но стоп."),
    catch_title=("Исправим ошибку", "Проверим вычисление"),
    doubt_title=("Перечитаем условие",),
    loop_lead=("Подождите, пересчитаю. {b}",),
    verify_head=("Проверка:",),
    given_head=("Дано:", "Что известно:"),
    check_title=("Проверить результат",),
    understand_head=("Сначала разберёмся в условии.",),
    again=("Хочу убедиться. Пройду всё ещё раз с самого начала.",),
    summary_head=("Итог:",),
)

ZH = Phrases(
    think_first=("首先，我需要{t}。", "先来{t}。"),
    think_next=("接下来，我要{t}。", "然后需要{t}。", "现在{t}。"),
    think_answer=("所以答案是{a}。", "那么答案应该是{a}。"),
    check_lead=("等等，我再检查一下。", "让我再验证一遍。"),
    trust_check=("再检查一下最后一步：{b} 嗯，应该没错。",),
    catch_lead=("等等。", "不对，等一下。", "嗯，等一下。"),
    redo=("我重新算一下。", "这里需要改正。"),
    doubt_lead=("嗯，不过等等。", "但是，等一下。"),
    catch_title=("改正错误", "重新检查计算"),
    doubt_title=("重新理解题意",),
    loop_lead=("等等，我再算一遍。{b}",),
    verify_head=("验证：",),
    given_head=("已知条件：", "题目给出："),
    check_title=("验证结果",),
    understand_head=("首先理解题意。",),
    again=("我想再确认一下，从头再算一遍。",),
    summary_head=("总结：",),
)

JA = Phrases(
    think_first=("まず、{t}必要があります。", "最初に{t}。"),
    think_next=("次に、{t}。", "それから{t}。", "では、{t}。"),
    think_answer=("したがって答えは{a}です。", "答えは{a}になります。"),
    check_lead=("待って、確認してみます。", "もう一度検算します。"),
    trust_check=("最後のステップを確認します：{b} はい、正しそうです。",),
    catch_lead=("待ってください。", "いや、ちょっと待って。"),
    redo=("計算し直します。", "ここを直す必要があります。"),
    doubt_lead=("うーん、でも待って。", "しかし、ちょっと待ってください。"),
    catch_title=("誤りを直す", "計算を見直す"),
    doubt_title=("問題文を読み直す",),
    loop_lead=("待って、もう一度計算します。{b}",),
    verify_head=("検算：",),
    given_head=("与えられた条件：", "問題の条件："),
    check_title=("答えを確かめる",),
    understand_head=("まず、問題の内容を整理します。",),
    again=("念のため、最初からもう一度やり直します。",),
    summary_head=("まとめ：",),
)

_ALL = {"en": EN, "fr": FR, "de": DE, "es": ES, "pt": PT, "ru": RU, "zh": ZH, "ja": JA}


def phrases(lang: str) -> Phrases:
    return _ALL[lang]
