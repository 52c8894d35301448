#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<vector<long long>> a(n, vector<long long>(n)), b = a;
    for (auto &row : a) for (auto &x : row) cin >> x;
    for (auto &row : b) for (auto &x : row) cin >> x;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            long long sum = 0;
            for (int k = 0; k < n; k++) sum += a[i][k] * b[k][j];
            cout << sum << (j + 1 < n ? ' ' : '\n');
        }
    }
}
