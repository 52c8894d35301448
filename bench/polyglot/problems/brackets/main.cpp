#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    map<char, char> open = {{')', '('}, {']', '['}, {'}', '{'}};
    vector<char> stack;
    for (char c : s) {
        if (c == '(' || c == '[' || c == '{') stack.push_back(c);
        else if (stack.empty() || stack.back() != open[c]) { cout << "NO\n"; return 0; }
        else stack.pop_back();
    }
    cout << (stack.empty() ? "YES" : "NO") << "\n";
}
