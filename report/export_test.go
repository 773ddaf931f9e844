package report

// UnregisterSourceForTest removes a registered source.
func UnregisterSourceForTest(key string) {
	sourcesMu.Lock()
	defer sourcesMu.Unlock()
	delete(sources, key)
}
