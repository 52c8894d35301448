"""MBPP (sanitized) shaped references: strings, regular expressions and their truth values.

See ``refs/__init__.py``; every reference passes its own asserts when run plainly.
"""

# ruff: noqa: E501 - one reference per entry reads best
from __future__ import annotations

from typing import Any

from ._rows import mbpp_row as _row

ROWS: list[dict[str, Any]] = [
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
]
