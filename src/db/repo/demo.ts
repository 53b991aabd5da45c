// Placeholder: replaced by the demo-data feature.
export function loadDemoClass(_now: Date = new Date()): Promise<string> {
  return Promise.reject(new Error('not implemented yet'));
}

export function removeDemoData(): Promise<void> {
  return Promise.reject(new Error('not implemented yet'));
}
