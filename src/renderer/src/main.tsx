// First: switches zod's eval probe off before any schema is built (see the file). The app is loaded
// only after it: a static import would not do, since the bundler may put the contract's schemas in
// a shared chunk that the entry imports, and imported chunks run before the entry's own code.
import './app/zod-jitless';
import './global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void import('./app/render-app').then(({ renderApp }) => renderApp(root));
