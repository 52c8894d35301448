"""Problems posed, and answered, in Chinese, Japanese, Russian, French, German, Spanish, Portuguese."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="zh-notebooks",
        source="gsm8k-zh",
        lang="zh",
        rows=4,
        text=r"""小明去文具店买了 3 本笔记本，每本 12 元，又买了 5 支笔，每支 4 元。他给了售货员 100 元，
        应该找回多少元？""",
        gold="44",
        box="44",
        say="44 元",
        concl="售货员应该找回小明 {}。",
        steps=[
            (
                "计算笔记本的总价",
                r"""每本笔记本 12 元，买了 3 本，所以笔记本一共花了 $3 \times 12 = 36$ 元。
            这一步只算笔记本，笔的钱下一步再算。""",
            ),
            (
                "计算笔的总价",
                r"""每支笔 4 元，买了 5 支，所以笔一共花了 $5 \times 4 = 20$ 元。注意这里要乘以 5，
            不能只算一支笔的价钱。""",
            ),
            ("计算一共花了多少钱", r"""笔记本和笔加起来一共是 $36 + 20 = 56$ 元。"""),
            (
                "计算应找回的钱",
                r"""小明付了 100 元，所以应找回 $$100 - 56 = 44 \text{ 元}.$$ 我们可以反过来验证：
            $56 + 44 = 100$，正好等于他付的钱。""",
            ),
        ],
        wrong=dict(
            at=1,
            box="60",
            say="60 元",
            kind="只算了一支笔的价钱（忘记乘以 5）",
            steps=[
                ("计算笔的总价", r"""笔每支 4 元，所以笔花了 4 元。"""),
                ("计算应找回的钱", r"""一共花了 $36 + 4 = 40$ 元，所以应找回 $100 - 40 = 60$ 元。"""),
            ],
            catch=r"""他买的是 5 支笔，不是 1 支，笔的总价应该是 5 × 4 = 20 元。""",
            doubt=r"""题目里说每支 4 元，也许笔的费用就是 4 元，我再按这个算一遍。""",
        ),
        explore=[
            r"""这是一道找零的题目。先算总共花了多少钱，再用 100 元减去。笔记本 3 × 12，笔 5 × 4。""",
            r"""粗略估计：笔记本大约 36 元，笔 20 元，一共不到 60 元，所以找回的钱应该在 40 多元。""",
            r"""我先确认一下题目里的数字：笔记本是 3 本，每本 12 元；笔是 5 支，每支 4 元；付的钱是 100 元。
            题目问的是"应该找回多少元"，不是"一共花了多少元"，所以最后一步一定要用 100 减去总价，
            不能把总价当成答案。""",
            r"""还有一种算法是分两次找零：先想象只买笔记本，100 − 36 = 64 元；再从 64 元里付笔的钱，
            64 − 20 = 44 元。两种思路应该得到同一个结果。另外要注意单位都是元，没有角和分，所以结果是整数。""",
            r"""也可以把每样东西的价格列成表：笔记本 12、12、12，笔 4、4、4、4、4。把它们一个一个加起来：
            12 + 12 + 12 = 36，4 + 4 + 4 + 4 + 4 = 20。这样虽然慢一点，但是不容易漏算数量。""",
        ],
        check=r"""36 + 20 = 56，100 − 56 = 44。反过来 44 + 56 = 100，没有问题。""",
    ),
    P(
        key="zh-arith-seq",
        source="math-zh",
        lang="zh",
        rows=4,
        text=r"""已知等差数列 $\{a_n\}$ 中，$a_3 = 7$，$a_7 = 19$。求 $a_{10}$ 的值。""",
        gold="28",
        box="28",
        say="$a_{10} = 28$",
        concl="所以 {}。",
        steps=[
            (
                "设出首项和公差",
                r"""设首项为 $a_1$，公差为 $d$，则 $a_n = a_1 + (n - 1)d$。于是
            $a_3 = a_1 + 2d = 7$，$a_7 = a_1 + 6d = 19$。""",
            ),
            (
                "求公差",
                r"""两式相减：$(a_1 + 6d) - (a_1 + 2d) = 4d = 19 - 7 = 12$，所以 $d = 3$。注意从第 3 项到第
            7 项一共跨了 4 个公差。""",
            ),
            ("求首项", r"""代入 $a_1 + 2d = 7$，得 $a_1 = 7 - 6 = 1$。"""),
            (
                "求第十项",
                r"""$a_{10} = a_1 + 9d = 1 + 27 = 28$。也可以直接从 $a_7$ 出发：
            $a_{10} = a_7 + 3d = 19 + 9 = 28$。""",
            ),
        ],
        wrong=dict(
            at=1,
            box="31",
            say="$a_{10} = 31$",
            kind="把第 3 项到第 7 项之间算成 3 个公差",
            steps=[
                ("求公差", r"""从第 3 项到第 7 项之间有 3 个间隔，所以 $3d = 12$，$d = 4$。"""),
                ("求第十项", r"""$a_{10} = a_7 + 3d = 19 + 12 = 31$。"""),
            ],
            catch=r"""从第 3 项到第 7 项是 7 − 3 = 4 个公差，不是 3 个。应该是 4d = 12，d = 3。""",
            doubt=r"""第 3 项和第 7 项中间夹着第 4、5、6 项，好像是 3 个间隔，我再按 d = 4 算一下。""",
        ),
        explore=[
            r"""等差数列，两项已知就能求公差。a7 − a3 = 4d = 12，d = 3。然后 a10 = a7 + 3d = 28。""",
            r"""检验一下：a1 = 1，数列是 1, 4, 7, 10, 13, 16, 19, 22, 25, 28。第 3 项是 7，第 7 项是 19，对的。""",
            r"""先回忆一下等差数列的定义：相邻两项的差都相等，这个差叫公差 d。通项公式是 a_n = a_1 + (n − 1)d。
            已知两项就可以列出两个方程，解出首项和公差，再代入求任意一项。也可以不求首项，
            直接用"两项之差等于项数之差乘以公差"来做，这样计算量更小。""",
            r"""这里最容易出错的地方是"间隔数"。从第 m 项到第 n 项，中间相差 (n − m) 个公差，而不是
            (n − m − 1) 个。比如从第 1 项到第 2 项只差 1 个公差。所以从第 3 项到第 7 项差 4 个公差，
            19 − 7 = 12 要除以 4。""",
            r"""另一种想法是用等差中项：a5 是 a3 和 a7 的等差中项，所以 a5 = (7 + 19) / 2 = 13。
            然后 a5 − a3 = 2d = 6，同样得到 d = 3。再往后数：a8 = 22，a9 = 25，a10 = 28。""",
            r"""也可以写出通项公式 a_n = 3n − 2，验证 a3 = 9 − 2 = 7，a7 = 21 − 2 = 19，都对。
            于是 a10 = 30 − 2 = 28。几种方法结果一致，比较放心。""",
        ],
        check=r"""数列 1, 4, 7, 10, 13, 16, 19, 22, 25, 28：第 3 项 7，第 7 项 19，第 10 项 28。""",
    ),
    P(
        key="ja-fruit",
        source="gsm8k-ja",
        lang="ja",
        rows=4,
        text=r"""ある店では、りんごを 1 個 120 円、みかんを 1 個 45 円で売っています。りんごを 5 個とみかんを 8 個
        買うと、代金は全部でいくらになりますか。""",
        gold="960",
        box="960",
        say="960 円",
        concl="代金は全部で {} です。",
        steps=[
            ("りんごの代金を求める", r"""りんごは 1 個 120 円で 5 個買うので、$120 \times 5 = 600$ 円です。"""),
            (
                "みかんの代金を求める",
                r"""みかんは 1 個 45 円で 8 個買うので、$45 \times 8 = 360$ 円です。
            $45 \times 8$ は $40 \times 8 = 320$ と $5 \times 8 = 40$ を足して 360 と計算できます。""",
            ),
            ("合計を求める", r"""代金の合計は $$600 + 360 = 960 \text{ 円}$$ です。"""),
        ],
        wrong=dict(
            at=1,
            box="920",
            say="920 円",
            kind="45 × 8 を 320 と計算した（5 × 8 の分を落とした）",
            steps=[
                ("みかんの代金を求める", r"""みかんは $45 \times 8 = 320$ 円です。"""),
                ("合計を求める", r"""合計は $600 + 320 = 920$ 円です。"""),
            ],
            catch=r"""45 × 8 は 320 ではなく 360 です。40 × 8 = 320 に 5 × 8 = 40 を足す必要があります。""",
            doubt=r"""45 × 8 をもう一度考えると、40 × 8 = 320 なので、みかんは 320 円かもしれません。""",
        ),
        explore=[
            r"""りんご 5 個とみかん 8 個の合計金額。それぞれ掛け算して足すだけです。""",
            r"""概算すると、りんごで 600 円、みかんで 400 円弱なので、合計は 1000 円弱になるはずです。""",
            r"""問題文をもう一度確認します。りんごは 1 個 120 円で 5 個、みかんは 1 個 45 円で 8 個です。
            問われているのは「代金は全部でいくらか」なので、おつりではなく合計金額を答えます。
            消費税などの条件は書かれていないので、考えなくてよいでしょう。""",
            r"""みかんの 45 × 8 は間違えやすいので、別の方法でも計算してみます。45 × 8 = 45 × 2 × 4 = 90 × 4
            = 360 円です。また、50 × 8 = 400 から 5 × 8 = 40 を引いても 360 円になります。
            どの方法でも 360 円なので、みかんの代金は 360 円で確定です。""",
            r"""りんごのほうも確認します。120 × 5 = 100 × 5 + 20 × 5 = 500 + 100 = 600 円です。
            これで両方の代金がそろったので、あとは足し算をするだけです。""",
        ],
        check=r"""600 + 360 = 960。概算の 1000 円弱とも合っています。""",
        units=r"960 \text{ 円}",
    ),
    P(
        key="ru-train",
        source="gsm8k-ru",
        lang="ru",
        rows=4,
        text=r"""Поезд прошёл 240 км за 3 часа, а затем ещё 150 км за 2 часа. Найдите среднюю скорость поезда на
        всём пути (в км/ч).""",
        gold="78",
        box="78",
        say="78 км/ч",
        concl="Средняя скорость поезда на всём пути равна {}.",
        steps=[
            ("Найти весь путь", r"""Весь путь равен $240 + 150 = 390$ км."""),
            ("Найти всё время", r"""Всё время в пути равно $3 + 2 = 5$ часов."""),
            (
                "Найти среднюю скорость",
                r"""Средняя скорость — это весь путь, делённый на всё время:
            $$v = \frac{390}{5} = 78 \text{ км/ч}.$$ Скорости на участках были $240 / 3 = 80$ км/ч и
            $150 / 2 = 75$ км/ч, но среднее арифметическое скоростей здесь не подходит, потому что участки
            проходились разное время.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="77.5",
            say="77,5 км/ч",
            kind="берёт среднее арифметическое скоростей на участках",
            steps=[
                (
                    "Найти скорости на участках",
                    r"""На первом участке скорость $240 / 3 = 80$ км/ч, на втором
                $150 / 2 = 75$ км/ч.""",
                ),
                ("Найти среднюю скорость", r"""Средняя скорость равна $\frac{80 + 75}{2} = 77{,}5$ км/ч."""),
            ],
            catch=r"""Среднюю скорость нельзя считать как среднее арифметическое скоростей: поезд ехал 3 часа со
            скоростью 80 и только 2 часа со скоростью 75. Нужно делить весь путь на всё время.""",
            doubt=r"""Может быть, проще взять среднее двух скоростей, раз участков всего два.""",
        ),
        explore=[
            r"""Средняя скорость = весь путь / всё время. 390 / 5 = 78. Частая ошибка — усреднять скорости 80 и 75.""",
        ],
        check=r"""За 5 часов со скоростью 78 км/ч поезд проходит 390 км, ровно 240 + 150.""",
    ),
    P(
        key="fr-price",
        source="gsm8k-fr",
        lang="fr",
        rows=4,
        text=r"""Un magasin augmente le prix d'un article de 20 %, puis, un mois plus tard, baisse le nouveau prix
        de 20 %. Le prix initial était de 50 euros. Quel est le prix final de l'article, en euros ?""",
        gold="48",
        box="48",
        say="48 euros",
        concl="Le prix final de l'article est de {}.",
        steps=[
            (
                "Calculer le prix après l'augmentation",
                r"""Une hausse de 20 % multiplie le prix par $1{,}2$ :
            $50 \times 1{,}2 = 60$ euros.""",
            ),
            (
                "Calculer la baisse",
                r"""La baisse de 20 % porte sur le nouveau prix de 60 euros, pas sur le prix
            initial : $20\,\%$ de 60 euros font $0{,}2 \times 60 = 12$ euros.""",
            ),
            (
                "Calculer le prix final",
                r"""Le prix final est $60 - 12 = 48$ euros. En une seule opération :
            $$50 \times 1{,}2 \times 0{,}8 = 50 \times 0{,}96 = 48.$$ Une hausse puis une baisse du même pourcentage
            ne ramènent donc pas au prix de départ.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="50",
            say="50 euros",
            kind="pense qu'une hausse et une baisse de 20 % s'annulent",
            steps=[
                (
                    "Calculer le prix final",
                    r"""La baisse de 20 % annule la hausse de 20 % : on retire les 10
                euros ajoutés, et le prix revient à $60 - 10 = 50$ euros.""",
                ),
            ],
            catch=r"""La baisse de 20 % se calcule sur 60 euros, donc elle vaut 12 euros et non 10 euros. Le prix
            final est 48 euros.""",
            doubt=r"""Une hausse de 20 % suivie d'une baisse de 20 %, cela devrait se compenser exactement, non ?""",
        ),
        explore=[
            r"""Pourcentages successifs : coefficient multiplicateur 1,2 puis 0,8, soit 0,96. 50 × 0,96 = 48.""",
        ],
        check=r"""60 − 12 = 48, et 48 / 50 = 0,96 : le prix a baissé de 4 % au total.""",
        units=r"48 \text{ euros}",
    ),
    P(
        key="de-quadratic",
        source="math-de",
        lang="de",
        rows=4,
        text=r"""Löse die Gleichung $x^2 - 5x + 6 = 0$ und gib alle Lösungen an.""",
        gold="2, 3",
        box="2, 3",
        say="$x = 2$ und $x = 3$",
        concl="Die Lösungen sind {}.",
        steps=[
            (
                "Die Gleichung faktorisieren",
                r"""Gesucht sind zwei Zahlen mit Produkt $6$ und Summe $5$: das sind
            $2$ und $3$. Also gilt $x^2 - 5x + 6 = (x - 2)(x - 3)$.""",
            ),
            (
                "Den Satz vom Nullprodukt anwenden",
                r"""Ein Produkt ist genau dann null, wenn ein Faktor null ist:
            $x - 2 = 0$ oder $x - 3 = 0$, also $x = 2$ oder $x = 3$.""",
            ),
            (
                "Die Lösungen mit der Mitternachtsformel bestätigen",
                r"""$$x = \frac{5 \pm \sqrt{25 - 24}}{2} =
            \frac{5 \pm 1}{2},$$ also $x_1 = 3$ und $x_2 = 2$. Probe: $4 - 10 + 6 = 0$ und $9 - 15 + 6 = 0$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="-2, -3",
            say="$x = -2$ und $x = -3$",
            kind="Vorzeichenfehler beim Ablesen der Nullstellen",
            steps=[
                (
                    "Den Satz vom Nullprodukt anwenden",
                    r"""Aus $(x - 2)(x - 3) = 0$ lesen wir die Zahlen aus den
                Klammern ab: $x = -2$ oder $x = -3$.""",
                ),
            ],
            catch=r"""Aus x − 2 = 0 folgt x = 2, nicht −2. Die Probe mit x = −2 ergibt 4 + 10 + 6 = 20, nicht 0.""",
            doubt=r"""In den Klammern stehen −2 und −3, vielleicht sind das direkt die Lösungen.""",
        ),
        explore=[
            r"""Quadratische Gleichung, Vieta: Summe 5, Produkt 6, also 2 und 3.""",
        ],
        check=r"""x = 2: 4 − 10 + 6 = 0. x = 3: 9 − 15 + 6 = 0. Beide Lösungen stimmen.""",
        roots=("2", "3"),
        roots_wrong=("-2", "-3"),
    ),
    P(
        key="es-triangle",
        source="math-es",
        lang="es",
        rows=4,
        text=r"""Calcula el área de un triángulo cuyos lados miden $5$, $12$ y $13$ unidades.""",
        gold="30",
        box="30",
        say="30 unidades cuadradas",
        concl="El área del triángulo es de {}.",
        steps=[
            (
                "Comprobar si el triángulo es rectángulo",
                r"""Como $5^2 + 12^2 = 25 + 144 = 169 = 13^2$, por el
            recíproco del teorema de Pitágoras el triángulo es rectángulo, con catetos $5$ y $12$ e hipotenusa
            $13$.""",
            ),
            (
                "Calcular el área con los catetos",
                r"""En un triángulo rectángulo los catetos son base y altura:
            $$A = \frac{5 \cdot 12}{2} = \frac{60}{2} = 30.$$""",
            ),
            (
                "Confirmar con la fórmula de Herón",
                r"""El semiperímetro es $s = \frac{5 + 12 + 13}{2} = 15$ y
            $A = \sqrt{15 \cdot 10 \cdot 3 \cdot 2} = \sqrt{900} = 30$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="60",
            say="60 unidades cuadradas",
            kind="olvida dividir entre 2",
            steps=[
                ("Calcular el área con los catetos", r"""El área es base por altura: $A = 5 \cdot 12 = 60$."""),
            ],
            catch=r"""El área de un triángulo es base por altura dividido entre 2. 5 · 12 = 60 es el área del
            rectángulo, así que el triángulo tiene 30.""",
            doubt=r"""Con los dos catetos como base y altura, quizá el área sea simplemente su producto.""",
        ),
        explore=[
            r"""5, 12, 13 es una terna pitagórica, así que es rectángulo. Área = 5 · 12 / 2 = 30.""",
        ],
        check=r"""Herón: s = 15, 15 · 10 · 3 · 2 = 900, raíz 30. Coincide.""",
    ),
    P(
        key="pt-dice",
        source="math-pt",
        lang="pt",
        rows=4,
        text=r"""Dois dados comuns e honestos são lançados. Qual é a probabilidade de a soma dos números obtidos
        ser igual a $8$? Dê a resposta como fração irredutível.""",
        gold=r"\frac{5}{36}",
        box=r"\frac{5}{36}",
        concl="A probabilidade de a soma ser 8 é {}.",
        steps=[
            (
                "Contar os resultados possíveis",
                r"""Cada dado tem 6 faces, então há $6 \times 6 = 36$ resultados
            igualmente prováveis, contando a ordem dos dados.""",
            ),
            (
                "Listar os resultados com soma 8",
                r"""Os pares ordenados com soma 8 são $(2,6)$, $(3,5)$, $(4,4)$,
            $(5,3)$ e $(6,2)$: são $5$ resultados.""",
            ),
            (
                "Calcular a probabilidade",
                r"""A probabilidade é $$\frac{5}{36}.$$ A fração já é irredutível, pois
            $5$ é primo e não divide $36$.""",
            ),
        ],
        wrong=dict(
            at=0,
            box=r"\frac{1}{7}",
            kind="conta pares não ordenados como se fossem igualmente prováveis",
            steps=[
                (
                    "Contar os resultados possíveis",
                    r"""Sem contar a ordem, há $21$ pares de resultados
                possíveis.""",
                ),
                (
                    "Listar os resultados com soma 8",
                    r"""Os pares com soma 8 são $\{2,6\}$, $\{3,5\}$ e $\{4,4\}$:
                são 3 pares, e a probabilidade é $\frac{3}{21} = \frac{1}{7}$.""",
                ),
            ],
            catch=r"""Os 21 pares não ordenados não são igualmente prováveis: {2,6} acontece de duas maneiras, (2,6)
            e (6,2), mas {4,4} só de uma. É preciso contar os 36 pares ordenados.""",
            doubt=r"""Como os dados são iguais, talvez a ordem não importe e devamos contar pares não ordenados.""",
        ),
        explore=[
            r"""Soma 8: (2,6), (3,5), (4,4), (5,3), (6,2). Cinco de 36.""",
        ],
        check=r"""O número de maneiras de obter soma s é 13 − s para s ≥ 7, e 13 − 8 = 5. Então 5/36.""",
    ),
]
