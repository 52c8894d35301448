"""MBPP (sanitized) shaped references: numbers: floats with math.isclose and rounding, big integers, recursion, builtin names.

See ``refs/__init__.py``; every reference passes its own asserts when run plainly.
"""

# ruff: noqa: E501 - one reference per entry reads best
from __future__ import annotations

from typing import Any

from ._rows import mbpp_row as _row

ROWS: list[dict[str, Any]] = [
    _row(
        "Write a python function to find the volume of a triangular prism.",
        """
def find_Volume(l,b,h) :
    return ((l * b * h) / 2)
""",
        ["assert find_Volume(10,8,6) == 240", "assert find_Volume(3,2,2) == 6", "assert find_Volume(1,2,1) == 1"],
    ),
    _row(
        "Write a function that returns the perimeter of a square given its side length as input.",
        """
def square_perimeter(a):
  perimeter=4*a
  return perimeter
""",
        ["assert square_perimeter(10)==40", "assert square_perimeter(5)==20", "assert square_perimeter(4)==16"],
    ),
    _row(
        "Write a function to check if the given number is woodball or not.",
        """
def is_woodall(x):
	if (x % 2 == 0):
		return False
	if (x == 1):
		return True
	x = x + 1
	p = 0
	while (x % 2 == 0):
		x = x/2
		p = p + 1
		if (p == x):
			return True
	return False
""",
        ["assert is_woodall(383) == True", "assert is_woodall(254) == False", "assert is_woodall(200) == False"],
    ),
    _row(
        "Write a function to find m number of multiples of n.",
        """
def multiples_of_num(m,n):
    multiples_of_num= list(range(n,(m+1)*n, n))
    return list(multiples_of_num)
""",
        [
            "assert multiples_of_num(4,3)== [3,6,9,12]",
            "assert multiples_of_num(2,5)== [5,10]",
            "assert multiples_of_num(9,2)== [2,4,6,8,10,12,14,16,18]",
        ],
    ),
    _row(
        "Write a function to convert the given binary number to its decimal equivalent.",
        """
def binary_to_decimal(binary):
    binary1 = binary
    decimal, i, n = 0, 0, 0
    while(binary != 0):
        dec = binary % 10
        decimal = decimal + dec * pow(2, i)
        binary = binary//10
        i += 1
    return (decimal)
""",
        [
            "assert binary_to_decimal(100) == 4",
            "assert binary_to_decimal(1011) == 11",
            "assert binary_to_decimal(1101101) == 109",
        ],
    ),
    _row(
        "Write a python function to find binomial co-efficient.",
        """
def binomial_Coeff(n,k):
    if k > n :
       return 0
    if k==0 or k ==n :
        return 1
    return binomial_Coeff(n-1,k-1) + binomial_Coeff(n-1,k)
""",
        [
            "assert binomial_Coeff(5,2) == 10",
            "assert binomial_Coeff(4,3) == 4",
            "assert binomial_Coeff(3,2) == 3",
            "assert binomial_Coeff(14,6) == 3003",
        ],
    ),
    _row(
        "Write a python function to find the largest prime factor of a given number.",
        """
import math
def max_Prime_Factors (n):
    maxPrime = -1
    while n%2 == 0:
        maxPrime = 2
        n >>= 1
    for i in range(3,int(math.sqrt(n))+1,2):
        while n % i == 0:
            maxPrime = i
            n = n / i
    if n > 2:
        maxPrime = n
    return int(maxPrime)
""",
        ["assert max_Prime_Factors(15) == 5", "assert max_Prime_Factors(6) == 3", "assert max_Prime_Factors(2) == 2"],
    ),
    _row(
        "Write a function to filter even numbers using lambda function.",
        """
def filter_evennumbers(nums):
 even_nums = list(filter(lambda x: x%2 == 0, nums))
 return even_nums
""",
        [
            "assert filter_evennumbers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])==[2, 4, 6, 8, 10]",
            "assert filter_evennumbers([10,20,45,67,84,93])==[10,20,84]",
            "assert filter_evennumbers([5,7,9,8,6,4,3])==[8,6,4]",
        ],
    ),
    _row(
        "Write a python function to set all odd bits of a given number.",
        """
def odd_bit_set_number(n):
    count = 0;res = 0;temp = n
    while temp > 0:
        if count % 2 == 0:
            res |= (1 << count)
        count += 1
        temp >>= 1
    return (n | res)
""",
        ["assert odd_bit_set_number(10) == 15", "assert odd_bit_set_number(20) == 21", "assert odd_bit_set_number(30) == 31"],
    ),
    _row(
        "Write a function to find t-nth term of geometric series.",
        """
import math
def tn_gp(a,n,r):
  tn = a * (math.pow(r, n - 1))
  return tn
""",
        ["assert tn_gp(1,5,2)==16", "assert tn_gp(1,5,4)==256", "assert tn_gp(2,6,3)==486"],
    ),
    _row(
        "Write a function to find the nth octagonal number.",
        """
def is_octagonal(n):
	return 3 * n * n - 2 * n
""",
        ["assert is_octagonal(5) == 65", "assert is_octagonal(10) == 280", "assert is_octagonal(15) == 645"],
    ),
    _row(
        "Write a python function to check whether the given two integers have opposite sign or not.",
        """
def opposite_Signs(x,y):
    return ((x ^ y) < 0);
""",
        [
            "assert opposite_Signs(1,-2) == True",
            "assert opposite_Signs(3,2) == False",
            "assert opposite_Signs(-10,-10) == False",
            "assert opposite_Signs(-2,2) == True",
        ],
    ),
    _row(
        "Write a function to find the number of ways to partition a set of Bell numbers.",
        """
def bell_number(n):
    bell = [[0 for i in range(n+1)] for j in range(n+1)]
    bell[0][0] = 1
    for i in range(1, n+1):
        bell[i][0] = bell[i-1][i-1]
        for j in range(1, i+1):
            bell[i][j] = bell[i-1][j-1] + bell[i][j-1]
    return bell[n][0]
""",
        [
            "assert bell_number(2)==2",
            "assert bell_number(10)==115975",
            "assert bell_number(56)==6775685320645824322581483068371419745979053216268760300",
        ],
    ),
    _row(
        "Write a function to find the nth tetrahedral number.",
        """
def tetrahedral_number(n):
	return (n * (n + 1) * (n + 2)) / 6
""",
        ["assert tetrahedral_number(5) == 35.0", "assert tetrahedral_number(6) == 56.0", "assert tetrahedral_number(7) == 84.0"],
    ),
    _row(
        "Write a function to find the volume of a sphere.",
        """
import math
def volume_sphere(r):
  volume=(4/3)*math.pi*r*r*r
  return volume
""",
        [
            "assert math.isclose(volume_sphere(10), 4188.790204786391, rel_tol=0.001)",
            "assert math.isclose(volume_sphere(25), 65449.84694978735, rel_tol=0.001)",
            "assert math.isclose(volume_sphere(20), 33510.32163829113, rel_tol=0.001)",
        ],
    ),
    _row(
        "Write a function to find the nth number in the newman conway sequence.",
        """
def sequence(n):
	if n == 1 or n == 2:
		return 1
	else:
		return sequence(sequence(n-1)) + sequence(n-sequence(n-1))
""",
        ["assert sequence(10) == 6", "assert sequence(2) == 1", "assert sequence(3) == 2"],
    ),
    _row(
        "Write a function to find nth centered hexagonal number.",
        """
def centered_hexagonal_number(n):
  return 3 * n * (n - 1) + 1
""",
        [
            "assert centered_hexagonal_number(10) == 271",
            "assert centered_hexagonal_number(2) == 7",
            "assert centered_hexagonal_number(9) == 217",
        ],
    ),
    _row(
        "Write a function to check whether the given number is undulating or not.",
        """
def is_undulating(n):
	n = str(n)
	if (len(n) <= 2):
		return False
	for i in range(2, len(n)):
		if (n[i - 2] != n[i]):
			return False
	return True
""",
        ["assert is_undulating(1212121) == True", "assert is_undulating(1991) == False", "assert is_undulating(121) == True"],
    ),
    _row(
        "Write a function to calculate the value of 'a' to the power 'b'.",
        """
def power(a,b):
	if b==0:
		return 1
	elif a==0:
		return 0
	elif b==1:
		return a
	else:
		return a*power(a,b-1)
""",
        ["assert power(3,4) == 81", "assert power(2,3) == 8", "assert power(5,5) == 3125"],
    ),
    _row(
        "Write a function to find the next smallest palindrome of a specified integer, returned as an integer.",
        """
import sys
def next_smallest_palindrome(num):
    numstr = str(num)
    for i in range(num+1,sys.maxsize):
        if str(i) == str(i)[::-1]:
            return i
""",
        [
            "assert next_smallest_palindrome(99)==101",
            "assert next_smallest_palindrome(1221)==1331",
            "assert next_smallest_palindrome(120)==121",
        ],
    ),
    _row(
        "Write a function to find the Eulerian number a(n, m).",
        """
def eulerian_num(n, m):
	if (m >= n or n == 0):
		return 0
	if (m == 0):
		return 1
	return ((n - m) * eulerian_num(n - 1, m - 1) +(m + 1) * eulerian_num(n - 1, m))
""",
        ["assert eulerian_num(3, 1) == 4", "assert eulerian_num(4, 1) == 11", "assert eulerian_num(5, 3) == 26"],
    ),
    _row(
        "Write a python function to find the sum of common divisors of two given numbers.",
        """
def sum(a,b):
    sum = 0
    for i in range (1,min(a,b)):
        if (a % i == 0 and b % i == 0):
            sum += i
    return sum
""",
        ["assert sum(10,15) == 6", "assert sum(100,150) == 93", "assert sum(4,6) == 3"],
    ),
    _row(
        "Write a python function to find the minimum of two numbers.",
        """
def minimum(a,b):
    if a <= b:
        return a
    else:
        return b
""",
        ["assert minimum(1,2) == 1", "assert minimum(-5,-4) == -5", "assert minimum(0,0) == 0"],
    ),
    _row(
        "Write a function to find the surface area of a sphere.",
        """
import math
def surfacearea_sphere(r):
  surfacearea=4*math.pi*r*r
  return surfacearea
""",
        [
            "assert math.isclose(surfacearea_sphere(10), 1256.6370614359173, rel_tol=0.001)",
            "assert math.isclose(surfacearea_sphere(15), 2827.4333882308138, rel_tol=0.001)",
            "assert math.isclose(surfacearea_sphere(20), 5026.548245743669, rel_tol=0.001)",
        ],
    ),
    _row(
        "Write a function to find the perimeter of a regular polygon, rounded to two decimals.",
        """
from math import tan, pi
def area_polygon(s, l):
  area = s * (l ** 2) / (4 * tan(pi / s))
  return round(area, 2)
""",
        ["assert area_polygon(4, 20) == 400.0", "assert area_polygon(10, 15) == 1731.2", "assert area_polygon(9, 7) == 302.91"],
    ),
    _row(
        "Write a function to compute the n-th power of a complex number's magnitude, and return the complex conjugate.",
        """
def conj(a, b):
    return complex(a, b).conjugate()
""",
        ["assert conj(1, 2) == (1-2j)", "assert conj(0, -3) == 3j", "assert abs(conj(3, 4)) == 5.0"],
    ),
    _row(
        "Write a function to calculate the geometric sum of n-1, recursively.",
        """
def geometric_sum(n):
  if n < 0:
    return 0
  else:
    return 1 / (pow(2, n)) + geometric_sum(n - 1)
""",
        ["assert geometric_sum(7) == 1.9921875", "assert geometric_sum(4) == 1.9375", "assert geometric_sum(8) == 1.99609375"],
    ),
    _row(
        "Write a function to compute the factorial of a number (big numbers).",
        """
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result
""",
        ["assert factorial(5) == 120", "assert factorial(20) == 2432902008176640000", "assert len(str(factorial(1000))) == 2568"],
    ),
    _row(
        "Write a function to find the median of three numbers.",
        """
def median_numbers(a,b,c):
    if a > b:
        if a < c:
            median = a
        elif b > c:
            median = b
        else:
            median = c
    else:
        if a > c:
            median = a
        elif b < c:
            median = b
        else:
            median = c
    return median
""",
        [
            "assert median_numbers(25,55,65)==55.0",
            "assert median_numbers(20,10,30)==20.0",
            "assert median_numbers(15,45,75)==45.0",
        ],
    ),
    _row(
        "Write a function that returns the decimal number 0.1 added n times, as a Decimal.",
        """
from decimal import Decimal
def add_tenths(n):
    total = Decimal('0')
    for _ in range(n):
        total += Decimal('0.1')
    return total
""",
        ["assert add_tenths(3) == Decimal('0.3')", "assert add_tenths(0) == 0", "assert str(add_tenths(10)) == '1.0'"],
        ["from decimal import Decimal"],
    ),
    _row(
        "Write a function to find the mean and the sum of a list of numbers using numpy.",
        """
import numpy as np
def mean_and_sum(nums):
    arr = np.array(nums)
    return np.mean(arr), np.sum(arr)
""",
        [
            "assert mean_and_sum([1, 2, 3]) == (2.0, 6)",
            "assert math.isclose(mean_and_sum([1, 2])[0], 1.5)",
            "assert mean_and_sum([5])[1] == 5",
        ],
        ["import math"],
    ),
]
