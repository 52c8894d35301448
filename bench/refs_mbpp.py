"""MBPP (sanitized) shaped reference rows, written the way that split writes them.

No package ships MBPP, so these are written here in its shape and style:
``prompt``, ``code`` (the reference, as MBPP's contributors wrote it: imports at
the top, helper functions, recursion, builtin names, generators and ``map``
objects the tests wrap in ``list()``), ``test_imports`` and ``test_list``
(``assert f(...) == ...`` with tuples vs lists, ``set(...)`` on both sides,
``math.isclose``, rounded floats, truthiness of ``re`` objects, classes from
the test imports). :func:`rows` adds them to ``code_references.MBPP``'s rows.
Every reference passes its own asserts when run plainly (``bench_code.py
--suite references`` checks that first).
"""

# ruff: noqa: E501 - one reference per entry reads best
from __future__ import annotations

from typing import Any

__all__ = ["MBPP_MORE"]


def _row(prompt: str, code: str, tests: list[str], imports: list[str] | None = None) -> dict[str, Any]:
    return {"prompt": prompt, "code": code.strip("\n"), "test_imports": imports or [], "test_list": tests}


MBPP_MORE: list[dict[str, Any]] = [
    _row(
        "Write a python function to remove first and last occurrence of a given character from the string.",
        """
def remove_Occ(s,ch):
    for i in range(len(s)):
        if (s[i] == ch):
            s = s[0 : i] + s[i + 1:]
            break
    for i in range(len(s) - 1,-1,-1):
        if (s[i] == ch):
            s = s[0 : i] + s[i + 1:]
            break
    return s
""",
        [
            'assert remove_Occ("hello","l") == "heo"',
            'assert remove_Occ("abcda","a") == "bcd"',
            'assert remove_Occ("PHP","P") == "H"',
        ],
    ),
    _row(
        "Write a function to sort a given matrix in ascending order according to the sum of its rows.",
        """
def sort_matrix(M):
    result = sorted(M, key=sum)
    return result
""",
        [
            "assert sort_matrix([[1, 2, 3], [2, 4, 5], [1, 1, 1]])==[[1, 1, 1], [1, 2, 3], [2, 4, 5]]",
            "assert sort_matrix([[1, 2, 3], [-2, 4, -5], [1, -1, 1]])==[[-2, 4, -5], [1, -1, 1], [1, 2, 3]]",
            "assert sort_matrix([[5,8,9],[6,4,3],[2,1,4]])==[[2, 1, 4], [6, 4, 3], [5, 8, 9]]",
        ],
    ),
    _row(
        "Write a python function to find the volume of a triangular prism.",
        """
def find_Volume(l,b,h) :
    return ((l * b * h) / 2)
""",
        ["assert find_Volume(10,8,6) == 240", "assert find_Volume(3,2,2) == 6", "assert find_Volume(1,2,1) == 1"],
    ),
    _row(
        "Write a function to check if the given string contains sequences of lowercase letters joined with an underscore.",
        """
import re
def text_lowercase_underscore(text):
        patterns = '^[a-z]+_[a-z]+$'
        if re.search(patterns,  text):
                return True
        else:
                return False
""",
        [
            'assert text_lowercase_underscore("aab_cbbbc")==(True)',
            'assert text_lowercase_underscore("aab_Abbbc")==(False)',
            'assert text_lowercase_underscore("Aaab_abbbc")==(False)',
        ],
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
        "Write a function to remove characters from the first string which are present in the second string.",
        """
NO_OF_CHARS = 256
def str_to_list(string):
	temp = []
	for x in string:
		temp.append(x)
	return temp
def lst_to_string(List):
	return ''.join(List)
def get_char_count_array(string):
	count = [0] * NO_OF_CHARS
	for i in string:
		count[ord(i)] += 1
	return count
def remove_dirty_chars(string, second_string):
	count = get_char_count_array(second_string)
	ip_ind = 0
	res_ind = 0
	temp = ''
	str_list = str_to_list(string)
	while ip_ind != len(str_list):
		temp = str_list[ip_ind]
		if count[ord(temp)] == 0:
			str_list[res_ind] = str_list[ip_ind]
			res_ind += 1
		ip_ind+=1
	return lst_to_string(str_list[0:res_ind])
""",
        [
            'assert remove_dirty_chars("probasscurve", "pros") == \'bacuve\'',
            'assert remove_dirty_chars("digitalindia", "talent") == \'digiidi\'',
            'assert remove_dirty_chars("exoticmiles", "toxic") == \'emles\'',
        ],
    ),
    _row(
        "Write a function to find whether a given array of integers contains any duplicate element.",
        """
def test_duplicate(arraynums):
    nums_set = set(arraynums)
    return len(arraynums) != len(nums_set)
""",
        [
            "assert test_duplicate(([1,2,3,4,5]))==False",
            "assert test_duplicate(([1,2,3,4, 4]))==True",
            "assert test_duplicate([1,1,2,2,3,3,4,4,5])==True",
        ],
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
        "Write a python function to find the maximum sum of elements of list in a list of lists.",
        """
def maximum_Sum(list1):
    maxi = -100000
    for x in list1:
        sum = 0
        for y in x:
            sum+= y
        maxi = max(sum,maxi)
    return maxi
""",
        [
            "assert maximum_Sum([[1,2,3],[4,5,6],[10,11,12],[7,8,9]]) == 33",
            "assert maximum_Sum([[0,1,1],[1,1,2],[3,2,1]]) == 6",
            "assert maximum_Sum([[0,1,3],[1,2,1],[9,8,2],[0,1,0],[6,4,8]]) == 19",
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
        "Write a python function to find the product of non-repeated elements in a given array.",
        """
def find_Product(arr,n):
    arr.sort()
    prod = 1
    for i in range(0,n,1):
        if (arr[i - 1] != arr[i]):
            prod = prod * arr[i]
    return prod;
""",
        [
            "assert find_Product([1,1,2,3],4) == 6",
            "assert find_Product([1,2,3,1,1],5) == 6",
            "assert find_Product([1,1,4,5,6],5) == 120",
        ],
    ),
    _row(
        "Write a python function to remove all digits from a list of strings.",
        """
import re
def remove(list):
    pattern = '[0-9]'
    list = [re.sub(pattern, '', i) for i in list]
    return list
""",
        [
            "assert remove(['4words', '3letters', '4digits']) == ['words', 'letters', 'digits']",
            "assert remove(['28Jan','12Jan','11Jan']) == ['Jan','Jan','Jan']",
            "assert remove(['wonder1','wonder2','wonder3']) == ['wonder','wonder','wonder']",
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
        "Write a python function to find the element occurring odd number of times.",
        """
def get_Odd_Occurrence(arr,arr_size):
    for i in range(0,arr_size):
        count = 0
        for j in range(0,arr_size):
            if arr[i] == arr[j]:
                count+=1
        if (count % 2 != 0):
            return arr[i]
    return -1
""",
        [
            "assert get_Odd_Occurrence([1,2,3,1,2,3,1],7) == 1",
            "assert get_Odd_Occurrence([1,2,3,2,3,1,3],7) == 3",
            "assert get_Odd_Occurrence([2,3,5,4,5,2,4,3,5,2,4,4,2],13) == 5",
        ],
    ),
    _row(
        "Write a function to find the top k integers that occur most frequently from given lists of sorted and distinct integers using heap queue algorithm.",
        """
def func(nums, k):
    import collections
    d = collections.defaultdict(int)
    for row in nums:
        for i in row:
            d[i] += 1
    temp = []
    import heapq
    for key, v in d.items():
        if len(temp) < k:
            temp.append((v, key))
            if len(temp) == k:
                heapq.heapify(temp)
        else:
            if v > temp[0][0]:
                heapq.heappop(temp)
                heapq.heappush(temp, (v, key))
    result = []
    while temp:
        v, key = heapq.heappop(temp)
        result.append(key)
    return result
""",
        [
            "assert func([[1, 2, 6], [1, 3, 4, 5, 7, 8], [1, 3, 5, 6, 8, 9], [2, 5, 7, 11], [1, 4, 7, 8, 12]],3)==[5, 7, 1]",
            "assert func([[1, 2, 6], [1, 3, 4, 5, 7, 8], [1, 3, 5, 6, 8, 9], [2, 5, 7, 11], [1, 4, 7, 8, 12]],1)==[1]",
            "assert func([[1, 2, 6], [1, 3, 4, 5, 7, 8], [1, 3, 5, 6, 8, 9], [2, 5, 7, 11], [1, 4, 7, 8, 12]],5)==[6, 5, 7, 8, 1]",
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
        "Write a python function to find the missing number in a sorted array.",
        """
def find_missing(ar,N):
    l = 0
    r = N - 1
    while (l <= r):
        mid = (l + r) / 2
        mid= int (mid)
        if (ar[mid] != mid + 1 and ar[mid - 1] == mid):
            return (mid + 1)
        elif (ar[mid] != mid + 1):
            r = mid - 1
        else:
            l = mid + 1
    return (-1)
""",
        [
            "assert find_missing([1,2,3,5],4) == 4",
            "assert find_missing([1,3,4,5],4) == 2",
            "assert find_missing([1,2,3,5,6,7],5) == 4",
        ],
    ),
    _row(
        "Write a function to sort a given mixed list of integers and strings.",
        """
def sort_mixed_list(mixed_list):
    int_part = sorted([i for i in mixed_list if type(i) is int])
    str_part = sorted([i for i in mixed_list if type(i) is str])
    return int_part + str_part
""",
        [
            "assert sort_mixed_list([19,'red',12,'green','blue', 10,'white','green',1])==[1, 10, 12, 19, 'blue', 'green', 'green', 'red', 'white']",
            "assert sort_mixed_list([3,'b',1,'a'])==[1, 3, 'a', 'b']",
            "assert sort_mixed_list([])==[]",
        ],
    ),
    _row(
        "Write a function to check if the letters of a given string can be rearranged so that two characters that are adjacent to each other are different.",
        """
import heapq
from collections import Counter
def rearange_string(S):
    ctr = Counter(S)
    heap = [(-value, key) for key, value in ctr.items()]
    heapq.heapify(heap)
    if (-heap[0][0]) * 2 > len(S) + 1:
        return ""
    ans = []
    while len(heap) >= 2:
        nct1, char1 = heapq.heappop(heap)
        nct2, char2 = heapq.heappop(heap)
        ans.extend([char1, char2])
        if nct1 + 1: heapq.heappush(heap, (nct1 + 1, char1))
        if nct2 + 1: heapq.heappush(heap, (nct2 + 1, char2))
    return "".join(ans) + (heap[0][1] if heap else "")
""",
        [
            "assert rearange_string(\"aab\")==('aba')",
            "assert rearange_string(\"aabb\")==('abab')",
            "assert rearange_string(\"abccdd\")==('cdabcd')",
        ],
    ),
    _row(
        "Write a function to find frequency of the elements in a given list of lists using collections module.",
        """
from collections import Counter
from itertools import chain
def freq_element(nums):
  result = Counter(chain.from_iterable(nums))
  return result
""",
        [
            "assert freq_element([[1, 2, 3, 2], [4, 5, 6, 2], [7, 1, 9, 5]])==({2: 3, 1: 2, 5: 2, 3: 1, 4: 1, 6: 1, 7: 1, 9: 1})",
            "assert freq_element([[1,2,3,4],[5,6,7,8],[9,10,11,12]])==({1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1, 12: 1})",
            "assert freq_element([[15,20,30,40],[80,90,100,110],[30,30,80,90]])==({30: 3, 80: 2, 90: 2, 15: 1, 20: 1, 40: 1, 100: 1, 110: 1})",
        ],
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
        "Write a function to find the gcd of the given array elements.",
        """
def find_gcd(x, y):
	while(y):
		x, y = y, x % y
	return x
def get_gcd(l):
  num1 = l[0]
  num2 = l[1]
  gcd = find_gcd(num1, num2)
  for i in range(2, len(l)):
    gcd = find_gcd(gcd, l[i])
  return gcd
""",
        ["assert get_gcd([2, 4, 6, 8, 16]) == 2", "assert get_gcd([1, 2, 3]) == 1", "assert get_gcd([2, 4, 6, 8]) == 2 "],
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
        "Write a function to find the list with minimum length.",
        """
def min_length_list(input_list):
    min_length = min(len(x) for x in input_list )
    min_list = min(input_list, key = lambda i: len(i))
    return(min_length, min_list)
""",
        [
            "assert min_length_list([[0], [1, 3], [5, 7], [9, 11], [13, 15, 17]])==(1, [0])",
            "assert min_length_list([[1,2,3,4,5],[1,2,3,4],[1,2,3],[1,2],[1]])==(1,[1])",
            "assert min_length_list([[3,4,5],[6,7,8,9],[10,11,12],[1,2]])==(2,[1,2])",
        ],
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
        "Write a function to flatten a list and sum all of its elements.",
        """
def recursive_list_sum(data_list):
	total = 0
	for element in data_list:
		if type(element) == type([]):
			total = total + recursive_list_sum(element)
		else:
			total = total + element
	return total
""",
        [
            "assert recursive_list_sum(([1, 2, [3,4],[5,6]]))==21",
            "assert recursive_list_sum(([7, 10, [15,14],[19,41]]))==106",
            "assert recursive_list_sum(([10, 20, [30,40],[50,60]]))==210",
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
        "Write a python function to check whether the given array is monotonic or not.",
        """
def is_Monotonic(A):
    return (all(A[i] <= A[i + 1] for i in range(len(A) - 1)) or
            all(A[i] >= A[i + 1] for i in range(len(A) - 1)))
""",
        [
            "assert is_Monotonic([6, 5, 4, 4]) == True",
            "assert is_Monotonic([1, 2, 2, 3]) == True",
            "assert is_Monotonic([1, 3, 2]) == False",
        ],
    ),
    _row(
        "Write a function to sort a list of elements (comb sort).",
        """
def comb_sort(nums):
    shrink_fact = 1.3
    gaps = len(nums)
    swapped = True
    i = 0
    while gaps > 1 or swapped:
        gaps = int(float(gaps) / shrink_fact)
        swapped = False
        i = 0
        while gaps + i < len(nums):
            if nums[i] > nums[i+gaps]:
                nums[i], nums[i+gaps] = nums[i+gaps], nums[i]
                swapped = True
            i += 1
    return nums
""",
        [
            "assert comb_sort([5, 15, 37, 25, 79]) == [5, 15, 25, 37, 79]",
            "assert comb_sort([41, 32, 15, 19, 22]) == [15, 19, 22, 32, 41]",
            "assert comb_sort([99, 15, 13, 47]) == [13, 15, 47, 99]",
        ],
    ),
    _row(
        "Write a function to split the given string with multiple delimiters by using regex.",
        """
import re
def multiple_split(text):
  return (re.split('; |, |\\*|\\n',text))
""",
        [
            "assert multiple_split('Forces of the \\ndarkness*are coming into the play.') == ['Forces of the ', 'darkness', 'are coming into the play.']",
            "assert multiple_split('Mi Box runs on the \\n Latest android*which has google assistance and chromecast.') == ['Mi Box runs on the ', ' Latest android', 'which has google assistance and chromecast.']",
            "assert multiple_split('Certain services\\nare subjected to change*over the seperate subscriptions.') == ['Certain services', 'are subjected to change', 'over the seperate subscriptions.']",
        ],
    ),
    _row(
        "Write a function to find tuples which have all elements divisible by k from the given list of tuples.",
        """
def find_tuples(test_list, K):
  res = [sub for sub in test_list if all(ele % K == 0 for ele in sub)]
  return res
""",
        [
            "assert find_tuples([(6, 24, 12), (7, 9, 6), (12, 18, 21)], 6) == [(6, 24, 12)]",
            "assert find_tuples([(5, 25, 30), (4, 2, 3), (7, 8, 9)], 5) == [(5, 25, 30)]",
            "assert find_tuples([(7, 9, 16), (8, 16, 4), (19, 17, 18)], 4) == [(8, 16, 4)]",
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
        "Write a function to merge three dictionaries into a single dictionary.",
        """
import collections as ct
def merge_dictionaries_three(dict1,dict2, dict3):
    merged_dict = dict(ct.ChainMap({},dict1,dict2,dict3))
    return merged_dict
""",
        [
            'assert merge_dictionaries_three({ "R": "Red", "B": "Black", "P": "Pink" }, { "G": "Green", "W": "White" },{ "O": "Orange", "W": "White", "B": "Black" })=={\'B\': \'Black\', \'R\': \'Red\', \'P\': \'Pink\', \'G\': \'Green\', \'W\': \'White\', \'O\': \'Orange\'}',
            'assert merge_dictionaries_three({ "R": "Red", "B": "Black", "P": "Pink" }, { "G": "Green", "W": "White" },{"L":"lavender","B":"Blue"})=={\'W\': \'White\', \'P\': \'Pink\', \'B\': \'Black\', \'R\': \'Red\', \'G\': \'Green\', \'L\': \'lavender\'}',
            'assert merge_dictionaries_three({ "R": "Red", "B": "Black", "P": "Pink" },{"L":"lavender","B":"Blue"},{ "G": "Green", "W": "White" })=={\'B\': \'Black\', \'P\': \'Pink\', \'R\': \'Red\', \'G\': \'Green\', \'L\': \'lavender\', \'W\': \'White\'}',
        ],
    ),
    _row(
        "Write a python function to find the length of the longest word.",
        """
def len_log(list1):
    max=len(list1[0])
    for i in list1:
        if len(i)>max:
            max=len(i)
    return max
""",
        [
            'assert len_log(["python","PHP","bigdata"]) == 7',
            'assert len_log(["a","ab","abc"]) == 3',
            'assert len_log(["small","big","tall"]) == 5',
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
        "Given a list of tuples, write a function that returns the first value of the tuple with the smallest second value.",
        """
from operator import itemgetter
def index_minimum(test_list):
  res = min(test_list, key = itemgetter(1))[0]
  return (res)
""",
        [
            "assert index_minimum([('Rash', 143), ('Manjeet', 200), ('Varsha', 100)]) == 'Varsha'",
            "assert index_minimum([('Yash', 185), ('Dawood', 125), ('Sanya', 175)]) == 'Dawood'",
            "assert index_minimum([('Sai', 345), ('Salman', 145), ('Ayesha', 96)]) == 'Ayesha'",
        ],
    ),
    _row(
        "Write a function to find frequency of each element in a flattened list of lists, returned in a dictionary.",
        """
def frequency_lists(list1):
    list1 = [item for sublist in list1 for item in sublist]
    dic_data = {}
    for num in list1:
        if num in dic_data.keys():
            dic_data[num] += 1
        else:
            key = num
            value = 1
            dic_data[key] = value
    return dic_data
""",
        [
            "assert frequency_lists([[1, 2, 3, 2], [4, 5, 6, 2], [7, 8, 9, 5]])=={1: 1, 2: 3, 3: 1, 4: 1, 5: 2, 6: 1, 7: 1, 8: 1, 9: 1}",
            "assert frequency_lists([[1,2,3,4],[5,6,7,8],[9,10,11,12]])=={1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1,10:1,11:1,12:1}",
            "assert frequency_lists([[20,30,40,17],[18,16,14,13],[10,20,30,40]])=={20:2,30:2,40:2,17: 1,18:1, 16: 1,14: 1,13: 1, 10: 1}",
        ],
    ),
    _row(
        "Write a function to multiply all the numbers in a list and divide with the length of the list.",
        """
def multiply_num(numbers):
    total = 1
    for x in numbers:
        total *= x
    return total/len(numbers)
""",
        [
            "assert math.isclose(multiply_num((8, 2, 3, -1, 7)), -67.2, rel_tol=0.001)",
            "assert math.isclose(multiply_num((-10,-20,-30)), -2000.0, rel_tol=0.001)",
            "assert math.isclose(multiply_num((19,15,18)), 1710.0, rel_tol=0.001)",
        ],
        ["import math"],
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
        "Write a function to convert a snake case string to camel case string.",
        """
def snake_to_camel(word):
        import re
        return ''.join(x.capitalize() or '_' for x in word.split('_'))
""",
        [
            "assert snake_to_camel('python_program')=='PythonProgram'",
            "assert snake_to_camel('python_language')==('PythonLanguage')",
            "assert snake_to_camel('programming_language')==('ProgrammingLanguage')",
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
        "Write a function to sort each sublist of strings in a given list of lists.",
        """
def sort_sublists(input_list):
    result = [sorted(x, key = lambda x:x[0]) for x in input_list]
    return result
""",
        [
            "assert sort_sublists(([\"green\", \"orange\"], [\"black\", \"white\"], [\"white\", \"black\", \"orange\"]))==[['green', 'orange'], ['black', 'white'], ['black', 'orange', 'white']]",
            "assert sort_sublists(([\" red \",\"green\" ],[\"blue \",\" black\"],[\" orange\",\"brown\"]))==[[' red ', 'green'], [' black', 'blue '], [' orange', 'brown']]",
            "assert sort_sublists(([\"zilver\",\"gold\"], [\"magnesium\",\"aluminium\"], [\"steel\", \"bronze\"]))==[['gold', 'zilver'],['aluminium', 'magnesium'], ['bronze', 'steel']]",
        ],
    ),
    _row(
        "Write a python function to count true booleans in the given list.",
        """
def count(lst):
    return sum(lst)
""",
        ["assert count([True,False,True]) == 2", "assert count([False,False]) == 0", "assert count([True,True,True]) == 3"],
    ),
    _row(
        "Write a function to append the given list to the given tuples.",
        """
def add_lists(test_list, test_tup):
  res = tuple(list(test_tup) + test_list)
  return (res)
""",
        [
            "assert add_lists([5, 6, 7], (9, 10)) == (9, 10, 5, 6, 7)",
            "assert add_lists([6, 7, 8], (10, 11)) == (10, 11, 6, 7, 8)",
            "assert add_lists([7, 8, 9], (11, 12)) == (11, 12, 7, 8, 9)",
        ],
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
        "Write a function to convert a list to a tuple.",
        """
def list_tuple(listx):
  tuplex = tuple(listx)
  return tuplex
""",
        [
            "assert list_tuple([5, 10, 7, 4, 15, 3])==(5, 10, 7, 4, 15, 3)",
            "assert list_tuple([2, 4, 5, 6, 2, 3, 4, 4, 7])==(2, 4, 5, 6, 2, 3, 4, 4, 7)",
            "assert list_tuple([58,44,56])==(58,44,56)",
        ],
    ),
    _row(
        "Write a function to extract the elementwise and tuples from the given two tuples.",
        """
def and_tuples(test_tup1, test_tup2):
  res = tuple(ele1 & ele2 for ele1, ele2 in zip(test_tup1, test_tup2))
  return (res)
""",
        [
            "assert and_tuples((10, 4, 6, 9), (5, 2, 3, 3)) == (0, 0, 2, 1)",
            "assert and_tuples((1, 2, 3, 4), (5, 6, 7, 8)) == (1, 2, 3, 0)",
            "assert and_tuples((8, 9, 11, 12), (7, 13, 14, 17)) == (0, 9, 10, 0)",
        ],
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
        "Write a function to check if a string is present as a substring in a given list of string values.",
        """
def find_substring(str1, sub_str):
   if any(sub_str in s for s in str1):
       return True
   return False
""",
        [
            'assert find_substring(["red", "black", "white", "green", "orange"],"ack")==True',
            'assert find_substring(["red", "black", "white", "green", "orange"],"abc")==False',
            'assert find_substring(["red", "black", "white", "green", "orange"],"ange")==True',
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
        "Write a function that matches a word containing 'z', not at the start or end of the word.",
        """
import re
def text_match_wordz_middle(text):
        return re.search(r'\\Bz\\B',  text)
""",
        [
            'assert text_match_wordz_middle("pythonzabc.")',
            'assert not text_match_wordz_middle("zxyabc.")',
            'assert text_match_wordz_middle("  lang  .") is None',
        ],
    ),
    _row(
        "Write a function to yield every pair of consecutive items in a given list.",
        """
def pair_wise(l1):
    for i in range(len(l1) - 1):
        yield (l1[i], l1[i + 1])
""",
        [
            "assert list(pair_wise([1,1,2,3,3,4,4,5]))==[(1, 1), (1, 2), (2, 3), (3, 3), (3, 4), (4, 4), (4, 5)]",
            "assert list(pair_wise([1,5,7,9,10]))==[(1, 5), (5, 7), (7, 9), (9, 10)]",
            "assert list(pair_wise([5,1,9,7,10]))==[(5, 1), (1, 9), (9, 7), (7, 10)]",
        ],
    ),
    _row(
        "Write a function to find the difference of two lists, element by element, using map and lambda.",
        """
def sub_list(nums1,nums2):
  result = map(lambda x, y: x - y, nums1, nums2)
  return list(result)
""",
        [
            "assert sub_list([1, 2, 3],[4,5,6])==[-3,-3,-3]",
            "assert sub_list([1,2],[3,4])==[-2,-2]",
            "assert sub_list([90,120],[50,70])==[40,50]",
        ],
    ),
    _row(
        "Write a function to find the n largest integers from a given list of numbers, returned in descending order.",
        """
import heapq as hq
def heap_queue_largest(nums,n):
  largest_nums = hq.nlargest(n, nums)
  return largest_nums
""",
        [
            "assert heap_queue_largest( [25, 35, 22, 85, 14, 65, 75, 22, 58],3)==[85, 75, 65]",
            "assert heap_queue_largest( [25, 35, 22, 85, 14, 65, 75, 22, 58],2)==[85, 75]",
            "assert heap_queue_largest( [25, 35, 22, 85, 14, 65, 75, 22, 58],5)==[85, 75, 65, 58, 35]",
        ],
    ),
    _row(
        "Write a function to find the shared elements from the given two lists.",
        """
def similar_elements(test_tup1, test_tup2):
  res = tuple(set(test_tup1) & set(test_tup2))
  return (res)
""",
        [
            "assert set(similar_elements((3, 4, 5, 6),(5, 7, 4, 10))) == set((4, 5))",
            "assert set(similar_elements((1, 2, 3, 4),(5, 4, 3, 7))) == set((3, 4))",
            "assert set(similar_elements((11, 12, 14, 13),(17, 15, 14, 13))) == set((13, 14))",
        ],
    ),
    _row(
        "Write a function to reverse words separated by spaces in a given string.",
        """
def reverse_words(s):
        return ' '.join(reversed(s.split()))
""",
        [
            'assert reverse_words("python program")==("program python")',
            'assert reverse_words("java language")==("language java")',
            'assert reverse_words("indian man")==("man indian")',
        ],
    ),
    _row(
        "Write a function to count the number of occurrences of each character in a string, as a dictionary that defaults to zero.",
        """
from collections import defaultdict
def char_frequency(str1):
    d = defaultdict(int)
    for c in str1:
        d[c] += 1
    return d
""",
        [
            "assert char_frequency('aab') == {'a': 2, 'b': 1}",
            "assert char_frequency('')['z'] == 0",
            "assert dict(char_frequency('xyzx')) == {'x': 2, 'y': 1, 'z': 1}",
        ],
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
        "Write a function to find the maximum value in record list as tuple attribute in the given tuple list.",
        """
def maximum_value(test_list):
  res = [(key, max(lst)) for key, lst in test_list]
  return (res)
""",
        [
            "assert maximum_value([('key1', [3, 4, 5]), ('key2', [1, 4, 2]), ('key3', [9, 3])]) == [('key1', 5), ('key2', 4), ('key3', 9)]",
            "assert maximum_value([('key1', [4, 5, 6]), ('key2', [2, 5, 3]), ('key3', [10, 4])]) == [('key1', 6), ('key2', 5), ('key3', 10)]",
            "assert maximum_value([('key1', [5, 6, 7]), ('key2', [3, 6, 4]), ('key3', [11, 5])]) == [('key1', 7), ('key2', 6), ('key3', 11)]",
        ],
    ),
    _row(
        "Write a function to find the sum of the unique elements of a set of lists; return it as a frozenset of the elements and their sum.",
        """
def unique_summary(lists):
    elements = frozenset(x for l in lists for x in l)
    return elements, sum(elements)
""",
        [
            "assert unique_summary([[1, 2], [2, 3]]) == (frozenset({1, 2, 3}), 6)",
            "assert unique_summary([[]]) == (frozenset(), 0)",
            "assert unique_summary([[5], [5, 5]])[1] == 5",
        ],
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
        "Write a function to sort a list of tuples using the second value of each tuple, in place, returning the list.",
        """
def subject_marks(subjectmarks):
    subjectmarks.sort(key = lambda x: x[1])
    return subjectmarks
""",
        [
            "assert subject_marks([('English', 88), ('Science', 90), ('Maths', 97), ('Social sciences', 82)])==[('Social sciences', 82), ('English', 88), ('Science', 90), ('Maths', 97)]",
            "assert subject_marks([('Telugu',49),('Hindhi',54),('Social',33)])==([('Social',33),('Telugu',49),('Hindhi',54)])",
            "assert subject_marks([('Physics',96),('Chemistry',97),('Biology',45)])==([('Biology',45),('Physics',96),('Chemistry',97)])",
        ],
    ),
    _row(
        "Write a function to find the ratio of zeroes to non-zeroes in an array of integers.",
        """
def zero_count(nums):
    n = len(nums)
    n1 = 0
    for x in nums:
        if x == 0:
            n1 += 1
    return n1/(n-n1)
""",
        [
            "assert math.isclose(zero_count([0, 1, 2, -1, -5, 6, 0, -3, -2, 3, 4, 6, 8]), 0.181818, rel_tol=0.001)",
            "assert math.isclose(zero_count([2, 1, 2, -1, -5, 6, 4, -3, -2, 3, 4, 6, 8]), 0.00, rel_tol=0.001)",
            "assert math.isclose(zero_count([2, 4, -6, -9, 11, -12, 14, -5, 17]), 0.00, rel_tol=0.001)",
        ],
        ["import math"],
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
        "Write a function to remove the k'th element from a given list.",
        """
def remove_kth_element(list1, L):
    return  list1[:L-1] + list1[L:]
""",
        [
            "assert remove_kth_element([1,1,2,3,4,4,5,1],3)==[1, 1, 3, 4, 4, 5, 1]",
            "assert remove_kth_element([0, 0, 1, 2, 3, 4, 4, 5, 6, 6, 6, 7, 8, 9, 4, 4],4)==[0, 0, 1, 3, 4, 4, 5, 6, 6, 6, 7, 8, 9, 4, 4]",
            "assert remove_kth_element([10, 10, 15, 19, 18, 18, 17, 26, 26, 17, 18, 10],5)==[10,10,15,19, 18, 17, 26, 26, 17, 18, 10]",
        ],
    ),
    _row(
        "Write a function to check whether the entered number is greater than the elements of the given array.",
        """
def check_greater(arr, number):
  arr.sort()
  return number > arr[-1]
""",
        [
            "assert check_greater([1, 2, 3, 4, 5], 4) == False",
            "assert check_greater([2, 3, 4, 5, 6], 8) == True",
            "assert check_greater([9, 7, 4, 8, 6, 1], 11) == True",
        ],
    ),
    _row(
        "Write a function to find the maximum product subarray of the given array.",
        """
def max_subarray_product(arr):
	n = len(arr)
	max_ending_here = 1
	min_ending_here = 1
	max_so_far = 0
	flag = 0
	for i in range(0, n):
		if arr[i] > 0:
			max_ending_here = max_ending_here * arr[i]
			min_ending_here = min (min_ending_here * arr[i], 1)
			flag = 1
		elif arr[i] == 0:
			max_ending_here = 1
			min_ending_here = 1
		else:
			temp = max_ending_here
			max_ending_here = max (min_ending_here * arr[i], 1)
			min_ending_here = temp * arr[i]
		if (max_so_far < max_ending_here):
			max_so_far = max_ending_here
	if flag == 0 and max_so_far == 0:
		return 0
	return max_so_far
""",
        [
            "assert max_subarray_product([1, -2, -3, 0, 7, -8, -2]) == 112",
            "assert max_subarray_product([6, -3, -10, 0, 2]) == 180",
            "assert max_subarray_product([-2, -40, 0, -2, -3]) == 80",
        ],
    ),
    _row(
        "Write a function to count the pairs of reverse strings in the given string list.",
        """
def count_reverse_pairs(test_list):
  res = sum([1 for idx in range(0, len(test_list)) for idxn in range(idx, len(
	test_list)) if test_list[idxn] == str(''.join(list(reversed(test_list[idx]))))])
  return res
""",
        [
            'assert count_reverse_pairs(["julia", "best", "tseb", "for", "ailuj"])== 2',
            'assert count_reverse_pairs(["geeks", "best", "for", "skeeg"]) == 1',
            'assert count_reverse_pairs(["makes", "best", "sekam", "for", "rof"]) == 2',
        ],
    ),
    _row(
        "Write a function to find the depth of a binary tree given as nodes (class Node in the test imports).",
        """
def max_height(node):
	if node is None:
		return 0 ;
	else :
		left_height = max_height(node.left)
		right_height = max_height(node.right)
		if (left_height > right_height):
			return left_height+1
		else:
			return right_height+1
""",
        [
            "root = Node(1)\nroot.left = Node(2)\nroot.right = Node(3)\nroot.left.left = Node(4)\nassert (max_height(root) == 3)",
            "root1 = Node(1)\nassert max_height(root1) == 1",
            "assert max_height(None) == 0",
        ],
        ["class Node:\n\tdef __init__(self, data):\n\t\tself.data = data\n\t\tself.left = None\n\t\tself.right = None"],
    ),
]
