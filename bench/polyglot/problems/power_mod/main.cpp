#include <bits/stdc++.h>
using namespace std;

int main() {
    unsigned long long a, b, m, result = 1;
    cin >> a >> b >> m;
    a %= m;
    for (; b; b >>= 1, a = a * a % m)
        if (b & 1) result = result * a % m;
    cout << result % m << "\n";
}
