// google.script.run for the playground: each call is POSTed to /rpc, where the emulator runs the real
// dist/Code.js. Like the real one, arguments must be primitives, plain objects and arrays (a Date fails).
(function () {
  'use strict';
  function checkArgument(value, path) {
    if (value === null || value === undefined) return;
    var type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return;
    if (
      type === 'function' ||
      value instanceof Date ||
      (typeof Node !== 'undefined' && value instanceof Node)
    ) {
      throw new Error(
        'google.script.run: illegal value in ' + path + ' (only primitives, arrays and plain objects cross)',
      );
    }
    if (Array.isArray(value))
      return value.forEach(function (v, i) {
        checkArgument(v, path + '[' + i + ']');
      });
    Object.keys(value).forEach(function (k) {
      checkArgument(value[k], path + '.' + k);
    });
  }
  function notifyParent(message) {
    try {
      if (window.parent && window.parent !== window) window.parent.postMessage(message, location.origin);
    } catch {
      // not framed, or framed by another origin: nobody to tell
    }
  }
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy(
      {},
      {
        get: function (_target, name) {
          if (name === 'withSuccessHandler')
            return function (f) {
              return runner(f, onFailure, userObject);
            };
          if (name === 'withFailureHandler')
            return function (f) {
              return runner(onSuccess, f, userObject);
            };
          if (name === 'withUserObject')
            return function (u) {
              return runner(onSuccess, onFailure, u);
            };
          if (typeof name !== 'string') return undefined;
          return function () {
            var args = Array.prototype.slice.call(arguments);
            args.forEach(function (a, i) {
              checkArgument(a, 'argument ' + i);
            });
            fetch('/rpc', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ name: name, args: args }),
            })
              .then(function (response) {
                return response.json();
              })
              .then(function (answer) {
                notifyParent({ clienttabs: 'rpc', name: name });
                if (answer.ok) {
                  if (onSuccess) onSuccess(answer.value, userObject);
                } else if (onFailure) {
                  var error = new Error(answer.error.message);
                  error.name = answer.error.name || 'ScriptError';
                  onFailure(error, userObject);
                }
              })
              .catch(function (e) {
                if (onFailure) onFailure(new Error('NetworkError: ' + e.message), userObject);
              });
          };
        },
      },
    );
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: function () {
          notifyParent({ clienttabs: 'close' });
        },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} },
        origin: location.origin,
      },
    },
  };
})();
