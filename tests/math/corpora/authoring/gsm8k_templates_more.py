"""More GSM8K-style word problems, and the list of all templates (see gsm8k_templates.py)."""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

import random
from fractions import Fraction

from gsm8k_templates import (
    NAMES,
    chicken_feed,
    download,
    eggs,
    flowers,
    glasses,
    house_flip,
    letters,
    marbles,
    overtime,
    pages,
    pizza,
    robe,
    sheep,
    shopping,
    sprints,
    weight_box,
)
from work import Solved, Work, money, num


def train_trip(p: random.Random, w: Work) -> Solved:
    speed, hours, stop_km = p.choice([60, 75, 80, 90]), p.choice([3, 4, 5]), p.choice([20, 25, 30])
    first = w.calc(speed * hours)
    total = w.calc(first + stop_km)
    return Solved(
        f"A train travels at {speed} km per hour for {hours} hours, then continues another {stop_km} km to reach the "
        f"depot. How many kilometers does the train travel in total?",
        [
            f"In {hours} hours the train covers {speed} × {hours} = {first} km.",
            f"Adding the last {stop_km} km gives {first} + {stop_km} = {total} km.",
        ],
        total,
        f"The train travels {total} km in total.",
        "km",
    )


def savings(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    weekly, weeks, price = p.choice([15, 20, 25]), p.choice([8, 10, 12]), p.choice([90, 120, 150])
    saved = w.calc(weekly * weeks)
    left = w.calc(saved - price)
    return Solved(
        f"{name} saves ${weekly} every week for {weeks} weeks and then buys a bike for ${price}. How much money does "
        f"{name} have left?",
        [
            f"{name} saves {weeks} × ${weekly} = {money(saved)}.",
            f"After buying the bike, {name} has {money(saved)} - ${price} = {money(left)} left.",
        ],
        left,
        f"{name} has {money(left)} left after buying the bike.",
        "$",
    )


def cookies(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    batches, per_batch, eaten, per_bag = p.choice([3, 4, 5]), p.choice([24, 36]), p.choice([6, 12]), p.choice([3, 6])
    made = w.calc(batches * per_batch)
    left = w.calc(made - eaten)
    bags = w.calc(left // per_bag)
    division = f"{left} / {per_bag} = {bags}" if left % per_bag == 0 else f"{left} / {per_bag} ≈ {left / per_bag:.2f}, so {bags}"
    return Solved(
        f"{name} bakes {batches} batches of cookies with {per_batch} cookies in each batch. The family eats {eaten} "
        f"cookies, and {name} packs the rest into bags of {per_bag}. How many full bags can {name} make?",
        [
            f"{name} bakes {batches} × {per_batch} = {made} cookies.",
            f"After the family eats {eaten}, there are {made} - {eaten} = {left} cookies.",
            f"With {per_bag} cookies per bag, that fills {division} full bags.",
        ],
        bags,
        f"{name} can make {bags} full bags of cookies.",
        "bags",
    )


def tickets(p: random.Random, w: Work) -> Solved:
    adults, kids, adult_price, kid_price = p.randint(2, 4), p.randint(2, 5), p.choice([12, 15, 18]), p.choice([6, 8, 9])
    a = w.calc(adults * adult_price)
    k = w.calc(kids * kid_price)
    total = w.calc(a + k)
    return Solved(
        f"Museum tickets cost ${adult_price} for adults and ${kid_price} for children. A group of {adults} adults and "
        f"{kids} children visits the museum. How much do they pay in total?",
        [
            f"The adults pay {adults} × ${adult_price} = {money(a)}.",
            f"The children pay {kids} × ${kid_price} = {money(k)}.",
            f"Together they pay {money(a)} + {money(k)} = {money(total)}.",
        ],
        total,
        f"The group pays {money(total)} in total.",
        "$",
    )


def water_tank(p: random.Random, w: Work) -> Solved:
    cap, rate, leak = p.choice([600, 900, 1200]), p.choice([50, 60]), p.choice([10, 20])
    net = w.calc(rate - leak)
    minutes = w.calc(Fraction(cap, net))
    return Solved(
        f"A tank holds {cap} liters. A pipe fills it at {rate} liters per minute, but a leak drains {leak} liters per "
        f"minute. Starting from empty, how many minutes does it take to fill the tank?",
        [
            f"The tank gains {rate} - {leak} = {net} liters per minute.",
            f"Filling {cap} liters takes {cap} / {net} = {num(minutes)} minutes.",
        ],
        minutes,
        f"It takes {num(minutes)} minutes to fill the tank.",
        "minutes",
    )


def lemonade(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    cups, price, cost = p.choice([40, 50, 60]), Fraction(p.choice([3, 5]), 2), p.choice([20, 25, 30])
    revenue = w.calc(cups * price)
    profit = w.calc(revenue - cost)
    return Solved(
        f"{name} sells {cups} cups of lemonade for {money(price)} each. The lemons and sugar cost ${cost}. "
        f"How much profit does {name} make?",
        [
            f"{name} takes in {cups} × {money(price)} = {money(revenue)}.",
            f"The profit is {money(revenue)} - ${cost} = {money(profit)}.",
        ],
        profit,
        f"{name} makes a profit of {money(profit)}.",
        "$",
    )


def age(p: random.Random, w: Work) -> Solved:
    name, other = p.sample(NAMES, 2)
    now, years = p.choice([8, 10, 12]), p.choice([4, 5, 6])
    other_now = w.calc(now * 3)
    future = w.calc(other_now + years)
    return Solved(
        f"{other} is three times as old as {name}. {name} is {now} years old. How old will {other} be in {years} years?",
        [
            f"{other} is 3 × {now} = {other_now} years old now.",
            f"In {years} years {other} will be {other_now} + {years} = {future} years old.",
        ],
        future,
        f"{other} will be {future} years old in {years} years.",
        "years",
    )


def classroom(p: random.Random, w: Work) -> Solved:
    students, pct_girls, absent = p.choice([30, 40, 50]), p.choice([40, 60]), p.choice([2, 3, 4])
    girls = w.calc(students * pct_girls // 100)
    boys = w.calc(students - girls)
    present = w.calc(boys - absent)
    return Solved(
        f"A class has {students} students, and {pct_girls}% of them are girls. On Monday, {absent} boys were absent. "
        f"How many boys were present on Monday?",
        [
            f"There are {pct_girls}% × {students} = {girls} girls.",
            f"So there are {students} - {girls} = {boys} boys.",
            f"With {absent} absent, {boys} - {absent} = {present} boys were present.",
        ],
        present,
        f"{present} boys were present on Monday.",
        "boys",
    )


TEMPLATES = [
    eggs,
    robe,
    house_flip,
    sprints,
    chicken_feed,
    glasses,
    sheep,
    download,
    pages,
    letters,
    flowers,
    pizza,
    weight_box,
    shopping,
    overtime,
    marbles,
    train_trip,
    savings,
    cookies,
    tickets,
    water_tank,
    lemonade,
    age,
    classroom,
]
