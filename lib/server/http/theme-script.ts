/**
 * The inline script in the root layout that applies the remembered theme before the first paint, so dark mode
 * does not flash. Its exact text is allowed by hash in the Content-Security-Policy (content-security-policy.ts):
 * a hash, unlike a nonce, also holds on a page rendered once and served to everyone. Change it only here.
 */
export const themeScript = `try{var t=localStorage.getItem('kubelab-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}`
