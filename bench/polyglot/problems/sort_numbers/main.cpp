#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    int n;
    cin >> n;
    vector<long long> xs(n);
    for (auto &x : xs) cin >> x;
    sort(xs.begin(), xs.end());
    for (int i = 0; i < n; i++) cout << xs[i] << (i + 1 < n ? ' ' : '\n');
}
