#include <bits/stdc++.h>
using namespace std;

int main() {
    string a, b;
    cin >> a >> b;
    vector<int> previous(b.size() + 1, 0), current(b.size() + 1, 0);
    for (char x : a) {
        for (size_t j = 1; j <= b.size(); j++)
            current[j] = x == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1]);
        previous = current;
    }
    cout << previous[b.size()] << "\n";
}
