"""Word problems asked and answered in Chinese, French, German, Spanish, Russian, Japanese and Italian.

Each template returns the solved problem and the endings a model writes in that language
("答案：每人分到 $\\frac{3}{4}$ 米", "Réponse : il lui reste 35 euros."). Values are integers
or fractions written as fractions, so no decimal comma is involved (that case is contested and
lives in graders.jsonl).
"""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from work import Number, Work, gold_text


@dataclass
class Lingual:
    lang: str
    problem: str
    steps: list[str]
    answer: Number
    endings: list[Callable[[str], str]]  # each takes the value as written and returns the closing text


def tex(v: Number) -> str:
    if isinstance(v, Fraction) and v.denominator != 1:
        return f"\\frac{{{v.numerator}}}{{{v.denominator}}}"
    return str(int(v))


def zh_rope(p: random.Random, w: Work) -> Lingual:
    length, people = p.choice([3, 5, 7]), p.choice([4, 8])
    each = w.calc(Fraction(length, people))
    return Lingual(
        "zh",
        f"一根绳子长 {length} 米，平均分给 {people} 个人，每人分到多少米？",
        [f"绳子总长 {length} 米，要平均分成 {people} 份。", f"每人分到的长度是 ${length} \\div {people} = {tex(each)}$ 米。"],
        each,
        [
            lambda v: f"答：每人分到 ${v}$ 米。",
            lambda v: f"答案：每人分到 ${v}$ 米",
            lambda v: f"所以每人分到 $\\boxed{{{v}}}$ 米。",
        ],
    )


def zh_books(p: random.Random, w: Work) -> Lingual:
    price, n, paid = p.choice([12, 15, 18]), p.choice([3, 4, 5]), 100
    cost = w.calc(price * n)
    change = w.calc(paid - cost)
    return Lingual(
        "zh",
        f"小明买了 {n} 本书，每本 {price} 元。他付了 {paid} 元，应该找回多少元？",
        [f"先算书的总价：${price} \\times {n} = {cost}$（元）。", f"再算找回的钱：${paid} - {cost} = {change}$（元）。"],
        change,
        [lambda v: f"答：应该找回 {v} 元。", lambda v: f"所以答案是 $\\boxed{{{v}}}$ 元。", lambda v: f"答案：{v}元"],
    )


def fr_money(p: random.Random, w: Work) -> Lingual:
    start, book, pen = p.choice([50, 60, 80]), p.choice([12, 15, 18]), p.choice([3, 4, 5])
    spent = w.calc(book + pen)
    left = w.calc(start - spent)
    return Lingual(
        "fr",
        f"Marie a {start} euros. Elle achète un livre à {book} euros et un stylo à {pen} euros. Combien d'argent lui reste-t-il ?",
        [f"Marie dépense d'abord {book} + {pen} = {spent} euros.", f"Il lui reste donc {start} - {spent} = {left} euros."],
        left,
        [
            lambda v: f"Réponse : il lui reste {v} euros.",
            lambda v: f"La réponse est donc $\\boxed{{{v}}}$.",
            lambda v: f"**Réponse finale :** {v} €",
        ],
    )


def fr_train(p: random.Random, w: Work) -> Lingual:
    speed, hours = p.choice([80, 90, 120]), p.choice([2, 3, 4])
    dist = w.calc(speed * hours)
    return Lingual(
        "fr",
        f"Un train roule à {speed} km/h pendant {hours} heures. Quelle distance parcourt-il ?",
        ["La distance est égale à la vitesse multipliée par la durée.", f"Donc $d = {speed} \\times {hours} = {dist}$ km."],
        dist,
        [lambda v: f"Le train parcourt donc {v} km.", lambda v: f"Réponse : $\\boxed{{{v}}}$ km"],
    )


def de_train(p: random.Random, w: Work) -> Lingual:
    speed, hours, extra = p.choice([60, 75, 100]), p.choice([3, 4]), p.choice([15, 20, 25])
    first = w.calc(speed * hours)
    total = w.calc(first + extra)
    return Lingual(
        "de",
        f"Ein Zug fährt {hours} Stunden lang mit {speed} km/h und danach noch {extra} km bis zum Bahnhof. Wie weit fährt der Zug insgesamt?",
        [
            f"In {hours} Stunden legt der Zug ${speed} \\cdot {hours} = {first}$ km zurück.",
            f"Dazu kommen noch {extra} km: ${first} + {extra} = {total}$ km.",
        ],
        total,
        [
            lambda v: f"Antwort: Der Zug fährt insgesamt {v} km.",
            lambda v: f"Die Antwort ist $\\boxed{{{v}}}$.",
            lambda v: f"**Ergebnis:** {v} km",
        ],
    )


def de_apples(p: random.Random, w: Work) -> Lingual:
    boxes, per_box, bad = p.choice([6, 8, 9]), p.choice([12, 15]), p.choice([5, 7, 9])
    total = w.calc(boxes * per_box)
    good = w.calc(total - bad)
    return Lingual(
        "de",
        f"Ein Händler hat {boxes} Kisten mit je {per_box} Äpfeln. {bad} Äpfel sind faul. Wie viele gute Äpfel hat er?",
        [
            f"Insgesamt sind es ${boxes} \\cdot {per_box} = {total}$ Äpfel.",
            f"Ohne die faulen bleiben ${total} - {bad} = {good}$ Äpfel.",
        ],
        good,
        [lambda v: f"Er hat also {v} gute Äpfel.", lambda v: f"Antwort: {v} Äpfel"],
    )


def es_party(p: random.Random, w: Work) -> Lingual:
    guests, slices, per_pizza = p.choice([8, 16, 24]), p.choice([2, 3]), 8
    needed = w.calc(guests * slices)
    pizzas = w.calc(Fraction(needed, per_pizza))
    return Lingual(
        "es",
        f"En una fiesta hay {guests} invitados y cada uno come {slices} porciones de pizza. Cada pizza tiene {per_pizza} porciones. ¿Cuántas pizzas se necesitan?",
        [
            f"Se necesitan {guests} × {slices} = {needed} porciones.",
            f"Como cada pizza tiene {per_pizza} porciones, hacen falta {needed} ÷ {per_pizza} = {tex(pizzas)} pizzas.",
        ],
        pizzas,
        [lambda v: f"Respuesta: se necesitan {v} pizzas.", lambda v: f"Por lo tanto, la respuesta es $\\boxed{{{v}}}$."],
    )


def es_savings(p: random.Random, w: Work) -> Lingual:
    weekly, weeks, spent = p.choice([10, 15, 20]), p.choice([6, 8]), p.choice([25, 30, 40])
    saved = w.calc(weekly * weeks)
    left = w.calc(saved - spent)
    return Lingual(
        "es",
        f"Lucía ahorra {weekly} euros cada semana durante {weeks} semanas y luego gasta {spent} euros en un regalo. ¿Cuánto dinero le queda?",
        [f"Lucía ahorra {weekly} × {weeks} = {saved} euros.", f"Después del regalo le quedan {saved} - {spent} = {left} euros."],
        left,
        [lambda v: f"Respuesta: le quedan {v} euros.", lambda v: f"**Respuesta final:** $\\boxed{{{v}}}$ euros"],
    )


def ru_apples(p: random.Random, w: Work) -> Lingual:
    baskets, per, eaten = p.choice([4, 5, 6]), p.choice([6, 8]), p.choice([5, 6, 7])
    total = w.calc(baskets * per)
    left = w.calc(total - eaten)
    return Lingual(
        "ru",
        f"В {baskets} корзинах по {per} яблок. Дети съели {eaten} яблок. Сколько яблок осталось?",
        [f"Всего яблок: ${baskets} \\cdot {per} = {total}$.", f"Осталось: ${total} - {eaten} = {left}$."],
        left,
        [lambda v: f"Ответ: осталось {v} шт.", lambda v: f"Ответ: $\\boxed{{{v}}}$"],
    )


def ja_candy(p: random.Random, w: Work) -> Lingual:
    bags, per, friends = p.choice([3, 4, 6]), p.choice([8, 12]), p.choice([2, 4])
    total = w.calc(bags * per)
    each = w.calc(Fraction(total, friends))
    return Lingual(
        "ja",
        f"あめが {per} 個ずつ入った袋が {bags} 袋あります。これを {friends} 人で同じ数ずつ分けると、1人何個になりますか。",
        [
            f"あめは全部で ${per} \\times {bags} = {total}$ 個です。",
            f"{friends} 人で分けるので、${total} \\div {friends} = {tex(each)}$ 個です。",
        ],
        each,
        [lambda v: f"答え：1人 {v} 個", lambda v: f"したがって、答えは $\\boxed{{{v}}}$ 個です。"],
    )


def it_garden(p: random.Random, w: Work) -> Lingual:
    length, width = p.choice([12, 15, 20]), p.choice([8, 9, 10])
    area = w.calc(length * width)
    return Lingual(
        "it",
        f"Un giardino rettangolare è lungo {length} metri e largo {width} metri. Qual è la sua area?",
        ["L'area di un rettangolo è base per altezza.", f"Quindi l'area è ${length} \\times {width} = {area}$ metri quadrati."],
        area,
        [lambda v: f"Risposta: l'area del giardino è {v} m².", lambda v: f"La risposta è $\\boxed{{{v}}}$."],
    )


INTROS = {
    "zh": ("我们一步一步地解这道题。", "题目是："),
    "fr": ("Résolvons ce problème étape par étape.", "L'énoncé : "),
    "de": ("Wir lösen die Aufgabe Schritt für Schritt.", "Die Aufgabe lautet: "),
    "es": ("Resolvamos el problema paso a paso.", "El enunciado dice: "),
    "ru": ("Решим задачу по шагам.", "Условие: "),
    "ja": ("順番に考えていきましょう。", "問題："),
    "it": ("Risolviamo il problema passo dopo passo.", "Il testo dice: "),
}

TEMPLATES = [zh_rope, zh_books, fr_money, fr_train, de_train, de_apples, es_party, es_savings, ru_apples, ja_candy, it_garden]


def lingual_rows(rng: random.Random, instances: int = 3) -> list[dict]:
    """Per template and instance: one right completion and one with a slipped step."""
    rows: list[dict] = []
    for t in TEMPLATES:
        for i in range(instances):
            seed = rng.randrange(10**9)
            right = t(random.Random(seed), Work(random.Random(seed)))
            slipped = [t(random.Random(seed), Work(random.Random(seed + k), k)) for k in range(len(right.steps))]
            slipped = [s for s in slipped if s.answer != right.answer and s.answer > 0]
            picks = [(right, True)] + ([(rng.choice(slipped), False)] if slipped else [])
            for solved, label in picks:
                end = rng.choice(solved.endings)
                intro, restate = INTROS[solved.lang]
                parts = [intro, restate + solved.problem] if rng.random() < 0.7 else [intro]
                text = "\n\n".join(parts + solved.steps) + "\n\n" + end(tex(solved.answer))
                rows.append(
                    {
                        "category": "multilingual",
                        "style": f"lang_{solved.lang}",
                        "problem": solved.problem,
                        "gold": tex(right.answer)
                        if isinstance(right.answer, Fraction) and right.answer.denominator != 1
                        else gold_text(right.answer),
                        "completion": text,
                        "label": label,
                    }
                )
            _ = i
    return rows
