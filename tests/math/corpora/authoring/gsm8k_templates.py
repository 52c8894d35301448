"""GSM8K-style word problems, each solved one computed step per line.

Every template draws its numbers from ``p`` and computes through ``w.calc`` (see work.py), so
the same template yields the gold run and runs with a slip at any step.
"""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

import random
from fractions import Fraction

from work import Solved, Work, money, num

NAMES = ["Janet", "Marco", "Aisha", "Tom", "Priya", "Lena", "Carlos", "Mei", "Omar", "Sofia", "Jamal", "Hannah"]


def eggs(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    laid, eat, bake, price = p.choice([16, 18, 20, 24]), p.randint(2, 4), p.randint(3, 6), p.choice([2, 3])
    used = w.calc(eat + bake)
    left = w.calc(laid - used)
    earn = w.calc(left * price)
    return Solved(
        f"{name}'s ducks lay {laid} eggs per day. {name} eats {eat} for breakfast every morning and bakes muffins for "
        f"friends every day with {bake}. {name} sells the remainder at the farmers' market daily for ${price} per fresh "
        f"duck egg. How much in dollars does {name} make every day at the farmers' market?",
        [
            f"{name} uses {eat} eggs for breakfast and {bake} for muffins, so {eat} + {bake} = {used} eggs are used each day.",
            f"That leaves {laid} - {used} = {left} eggs to sell.",
            f"At ${price} per egg, {name} makes {left} × ${price} = {money(earn)}.",
        ],
        earn,
        f"So {name} makes {money(earn)} every day at the farmers' market.",
        "$",
    )


def robe(p: random.Random, w: Work) -> Solved:
    blue = p.choice([2, 4, 6, 8])
    white = w.calc(Fraction(blue, 2))
    total = w.calc(blue + white)
    return Solved(
        f"A robe takes {blue} bolts of blue fiber and half that much white fiber. How many bolts in total does it take?",
        [
            f"The white fiber is half of {blue}, which is {num(white)} bolts.",
            f"In total the robe takes {blue} + {num(white)} = {num(total)} bolts.",
        ],
        total,
        f"The robe takes {num(total)} bolts of fiber in total.",
        "bolts",
    )


def house_flip(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    buy, repair, pct = p.choice([80000, 100000, 120000, 150000]), p.choice([30000, 40000, 50000]), p.choice([100, 150])
    cost = w.calc(buy + repair)
    gain = w.calc(buy * pct // 100)
    value = w.calc(buy + gain)
    profit = w.calc(value - cost)
    return Solved(
        f"{name} decides to try flipping a house. {name} buys a house for ${buy:,} and then puts in ${repair:,} in repairs. "
        f"This increased the value of the house by {pct}%. How much profit did {name} make?",
        [
            f"The total cost is ${buy:,} + ${repair:,} = {money(cost)}.",
            f"The value increased by {pct}% of ${buy:,}, which is ${buy:,} × {pct}/100 = {money(gain)}.",
            f"So the new value of the house is ${buy:,} + {money(gain)} = {money(value)}.",
            f"The profit is {money(value)} - {money(cost)} = {money(profit)}.",
        ],
        profit,
        f"{name} made a profit of {money(profit)}.",
        "$",
    )


def sprints(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    times, per_week, meters = p.randint(3, 5), p.randint(2, 4), p.choice([40, 50, 60, 80])
    per_session = w.calc(times * meters)
    weekly = w.calc(per_session * per_week)
    return Solved(
        f"{name} decides to run {times} sprints {per_week} times a week. {name} runs {meters} meters each sprint. "
        f"How many total meters does {name} run a week?",
        [
            f"Each session {name} runs {times} × {meters} = {per_session} meters.",
            f"Over {per_week} sessions that is {per_session} × {per_week} = {weekly} meters.",
        ],
        weekly,
        f"{name} runs {weekly:,} meters a week.",
        "meters",
    )


def chicken_feed(p: random.Random, w: Work) -> Solved:
    name = p.choice(["Janet", "Aisha", "Priya", "Lena", "Mei", "Sofia", "Hannah"])
    chickens, cups, morning, afternoon = p.choice([20, 24, 30]), 3, p.choice([10, 15, 20]), p.choice([20, 25, 30])
    total = w.calc(chickens * cups)
    given = w.calc(morning + afternoon)
    final = w.calc(total - given)
    return Solved(
        f"Every day, {name} feeds each of her chickens {cups} cups of mixed chicken feed. She gives the chickens their feed "
        f"in three separate meals. In the morning, she gives her flock {morning} cups of feed. In the afternoon, she gives "
        f"her chickens another {afternoon} cups of feed. How many cups of feed does she need to give her chickens in the "
        f"final meal of the day if the size of {name}'s flock is {chickens} chickens?",
        [
            f"The flock needs {chickens} × {cups} = {total} cups of feed per day.",
            f"She has already given {morning} + {afternoon} = {given} cups.",
            f"So the final meal needs {total} - {given} = {final} cups.",
        ],
        final,
        f"{name} needs to give {final} cups of feed in the final meal.",
        "cups",
    )


def glasses(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    price, n = p.choice([4, 5, 6, 8]), p.choice([10, 12, 16, 20])
    pairs = w.calc(n // 2)
    discounted = w.calc(Fraction(price * 60, 100))
    pair_cost = w.calc(price + discounted)
    total = w.calc(pairs * pair_cost)
    return Solved(
        f"{name} went to the store to buy glasses for a new apartment. One glass costs ${price}, but every second glass "
        f"costs only 60% of the price. {name} wants to buy {n} glasses. How much does {name} need to pay for them?",
        [
            f"The {n} glasses form {n} / 2 = {pairs} pairs of one full-price and one discounted glass.",
            f"A discounted glass costs 60% of ${price}, which is {money(discounted)}.",
            f"So each pair costs ${price} + {money(discounted)} = {money(pair_cost)}.",
            f"For {pairs} pairs, {name} pays {pairs} × {money(pair_cost)} = {money(total)}.",
        ],
        total,
        f"{name} needs to pay {money(total)} for the glasses.",
        "$",
    )


def sheep(p: random.Random, w: Work) -> Solved:
    base = p.choice([5, 10, 20])
    charleston = w.calc(base * 4)
    toulouse = w.calc(charleston * 2)
    total = w.calc(base + charleston + toulouse)
    return Solved(
        f"Toulouse has twice as many sheep as Charleston. Charleston has 4 times as many sheep as Seattle. How many sheep "
        f"do Toulouse, Charleston, and Seattle have together if Seattle has {base} sheep?",
        [
            f"Charleston has 4 × {base} = {charleston} sheep.",
            f"Toulouse has 2 × {charleston} = {toulouse} sheep.",
            f"Together they have {base} + {charleston} + {toulouse} = {total} sheep.",
        ],
        total,
        f"Together, Toulouse, Charleston and Seattle have {total} sheep.",
        "sheep",
    )


def download(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    size, rate, restart = p.choice([200, 300, 400]), 2, p.choice([20, 30])
    first = w.calc(size * 40 // 100 // rate)
    full = w.calc(size // rate)
    total = w.calc(first + restart + full)
    return Solved(
        f"{name} is downloading a {size} GB file. Normally the download takes {rate} GB per minute, but 40% of the way "
        f"through the download, Windows forces a restart to install updates, which takes {restart} minutes. Then {name} "
        f"has to restart the download from the beginning. How long does it take to download the file, in minutes?",
        [
            f"40% of {size} GB is {size * 40 // 100} GB, which takes {size * 40 // 100} / {rate} = {first} minutes.",
            f"Downloading the whole file from the beginning takes {size} / {rate} = {full} minutes.",
            f"In total it takes {first} + {restart} + {full} = {total} minutes.",
        ],
        total,
        f"It takes {total} minutes to download the file.",
        "minutes",
    )


def pages(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    total_pages, yesterday = p.choice([120, 180, 240]), p.choice([12, 20])
    today = w.calc(yesterday * 2)
    read = w.calc(yesterday + today)
    left = w.calc(total_pages - read)
    half = w.calc(Fraction(left, 2))
    return Solved(
        f"{name} is reading a {total_pages}-page book. Yesterday, {name} was able to read {yesterday} pages and today, "
        f"twice as many pages as yesterday. If {name} wants to read half of the remaining pages tomorrow, how many pages "
        f"should {name} read?",
        [
            f"Today {name} read 2 × {yesterday} = {today} pages.",
            f"So far {name} has read {yesterday} + {today} = {read} pages.",
            f"That leaves {total_pages} - {read} = {left} pages.",
            f"Half of the remaining pages is {left} / 2 = {num(half)} pages.",
        ],
        half,
        f"{name} should read {num(half)} pages tomorrow.",
        "pages",
    )


def letters(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    pages_each, friends, times = 3, p.choice([2, 3]), 2
    weekly = w.calc(pages_each * friends * times)
    yearly = w.calc(weekly * 52)
    return Solved(
        f"{name} writes a {pages_each}-page letter to {friends} different friends twice a week. How many pages does "
        f"{name} write a year?",
        [
            f"Each week {name} writes {pages_each} × {friends} × {times} = {weekly} pages.",
            f"A year has 52 weeks, so {name} writes {weekly} × 52 = {yearly} pages.",
        ],
        yearly,
        f"{name} writes {yearly} pages a year.",
        "pages",
    )


def flowers(p: random.Random, w: Work) -> Solved:
    yellow = p.choice([10, 20, 30])
    purple = w.calc(yellow + yellow * 80 // 100)
    both = w.calc(yellow + purple)
    green = w.calc(Fraction(both, 4))
    total = w.calc(both + green)
    return Solved(
        f"Mark has a garden with flowers. He planted plants of three different colors in it. {yellow} of them are yellow, "
        f"and there are 80% more of those in purple. There are only 25% as many green flowers as there are yellow and "
        f"purple flowers. How many flowers does Mark have in his garden?",
        [
            f"There are 80% more purple flowers than yellow: {yellow} + 0.8 × {yellow} = {purple} purple flowers.",
            f"Yellow and purple together make {yellow} + {purple} = {both} flowers.",
            f"Green flowers are 25% of that: {both} / 4 = {num(green)}.",
            f"So the garden has {both} + {num(green)} = {num(total)} flowers.",
        ],
        total,
        f"Mark has {num(total)} flowers in his garden.",
        "flowers",
    )


def pizza(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    large, small = p.randint(2, 4), p.randint(1, 3)
    big = w.calc(large * 16)
    little = w.calc(small * 8)
    total = w.calc(big + little)
    return Solved(
        f"A large pizza has 16 slices and a small pizza has 8 slices. If {name} buys {large} large pizzas and {small} small "
        f"pizzas and eats all of them in one day, how many slices does {name} eat that day?",
        [
            f"The large pizzas have {large} × 16 = {big} slices.",
            f"The small pizzas have {small} × 8 = {little} slices.",
            f"Altogether {name} eats {big} + {little} = {total} slices.",
        ],
        total,
        f"{name} eats {total} slices of pizza that day.",
        "slices",
    )


def weight_box(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    jelly = p.choice([2, 3])
    after_brownies = w.calc(jelly * 3)
    more_jelly = w.calc(after_brownies + 2)
    final = w.calc(more_jelly * 2)
    return Solved(
        f"{name} placed a box on a scale and poured enough jelly beans in to bring the weight to {jelly} pounds. Then "
        f"{name} added enough brownies to cause the weight to triple. Next, {name} added another 2 pounds of jelly beans. "
        f"Finally, {name} added enough gummy worms to double the weight once again. What was the final weight of the box "
        f"of goodies, in pounds?",
        [
            f"After the brownies the weight tripled: {jelly} × 3 = {after_brownies} pounds.",
            f"Two more pounds of jelly beans bring it to {after_brownies} + 2 = {more_jelly} pounds.",
            f"The gummy worms double it: {more_jelly} × 2 = {final} pounds.",
        ],
        final,
        f"The final weight of the box is {final} pounds.",
        "pounds",
    )


def shopping(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    budget, shirt, pants, coat = 200, p.choice([30, 35, 40]), p.choice([45, 46, 48]), p.choice([38, 40, 42])
    socks, belt, left = p.choice([11, 12]), p.choice([18, 20]), p.choice([16, 18, 20])
    spent = w.calc(shirt + pants + coat + socks + belt)
    shoes = w.calc(budget - left - spent)
    return Solved(
        f"{name} had a budget of ${budget} to spend on a new outfit. {name} spent ${shirt} on a button-up shirt, ${pants} "
        f"on suit pants, ${coat} on a suit coat, ${socks} on socks, and ${belt} on a belt. {name} also bought a pair of "
        f"shoes, but lost the receipt. {name} has ${left} left from the budget. How much did {name} pay for the shoes?",
        [
            f"Without the shoes, {name} spent ${shirt} + ${pants} + ${coat} + ${socks} + ${belt} = {money(spent)}.",
            f"The shoes cost ${budget} - ${left} - {money(spent)} = {money(shoes)}.",
        ],
        shoes,
        f"{name} paid {money(shoes)} for the shoes.",
        "$",
    )


def overtime(p: random.Random, w: Work) -> Solved:
    name = p.choice(NAMES)
    rate, hours = p.choice([18, 20, 24]), p.choice([45, 48, 50])
    base = w.calc(rate * 40)
    extra_hours = w.calc(hours - 40)
    extra_rate = w.calc(Fraction(rate * 3, 2))
    extra = w.calc(extra_hours * extra_rate)
    total = w.calc(base + extra)
    return Solved(
        f"{name} makes ${rate} an hour. If {name} works more than 40 hours per week, any extra time is paid at 1.5 times "
        f"the normal rate. If {name} works {hours} hours this week, how much money does {name} make?",
        [
            f"For the first 40 hours {name} earns 40 × ${rate} = {money(base)}.",
            f"The overtime is {hours} - 40 = {extra_hours} hours.",
            f"The overtime rate is 1.5 × ${rate} = {money(extra_rate)} per hour.",
            f"Overtime pay is {extra_hours} × {money(extra_rate)} = {money(extra)}.",
            f"In total {name} makes {money(base)} + {money(extra)} = {money(total)}.",
        ],
        total,
        f"{name} makes {money(total)} this week.",
        "$",
    )


def marbles(p: random.Random, w: Work) -> Solved:
    name, other = p.sample(NAMES, 2)
    start, gave, got = p.choice([48, 60, 72]), p.choice([12, 15, 18]), p.choice([7, 9, 11])
    after_give = w.calc(start - gave)
    after_get = w.calc(after_give + got)
    return Solved(
        f"{name} had {start} marbles. {name} gave {gave} marbles to {other} and then won {got} marbles in a game. "
        f"How many marbles does {name} have now?",
        [
            f"After giving {gave} marbles to {other}, {name} has {start} - {gave} = {after_give} marbles.",
            f"Then {name} wins {got} more, for {after_give} + {got} = {after_get} marbles.",
        ],
        after_get,
        f"{name} has {after_get} marbles now.",
        "marbles",
    )
