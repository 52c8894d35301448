#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    int n, q;
    cin >> n;
    vector<long long> xs(n);
    for (auto &x : xs) cin >> x;
    cin >> q;
    string out;
    while (q--) {
        long long v;
        cin >> v;
        auto it = lower_bound(xs.begin(), xs.end(), v);
        out += to_string(it != xs.end() && *it == v ? int(it - xs.begin()) : -1) + "\n";
    }
    cout << out;
}
