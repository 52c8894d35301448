#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    int n;
    long long x;
    cin >> n >> x;
    long long best = x, current = x;
    for (int i = 1; i < n; i++) {
        cin >> x;
        current = max(x, current + x);
        best = max(best, current);
    }
    cout << best << "\n";
}
