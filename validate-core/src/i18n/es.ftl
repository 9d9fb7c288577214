### validate-core: mensajes de los errores integrados, español (es).
###
### Each message id is an error code exactly as the library emits it; Fluent variables are the
### error's params under the names it emits them ($min, $max, $equal, $exclusive_min, ...).
### The renderer also passes a few variables of its own (see CODES.md):
###   $unit       length: "chars" | "bytes" | "items"
###   $bound      length: "equal" | "between" | "min" | "max" | "none";
###               range: "between" | "min" | "max" | "none" (from min and max)
###   $exclusive  range: "both" | "min" | "max" | "none" (from exclusive_min and exclusive_max)
###   $kind       chars, url and the shape errors: which form of the message (see CODES.md)
### Numbers are passed as Fluent numbers (plural selection), lists as text joined with ", ".
### Rendered without bidi isolation marks: placeholders are plain.
### Spanish plural categories: one, many (millions: "1000000 de caracteres"), other.

## Reglas

length =
    { $unit ->
        [bytes]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] debe tener exactamente { $equal } byte
                        [many] debe tener exactamente { $equal } de bytes
                       *[other] debe tener exactamente { $equal } bytes
                    }
                [between]
                    { $max ->
                        [many] debe tener entre { $min } y { $max } de bytes
                       *[other] debe tener entre { $min } y { $max } bytes
                    }
                [min]
                    { $min ->
                        [one] debe tener al menos { $min } byte
                        [many] debe tener al menos { $min } de bytes
                       *[other] debe tener al menos { $min } bytes
                    }
                [max]
                    { $max ->
                        [one] debe tener como máximo { $max } byte
                        [many] debe tener como máximo { $max } de bytes
                       *[other] debe tener como máximo { $max } bytes
                    }
               *[none] tiene un número de bytes no válido
            }
        [items]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] debe contener exactamente { $equal } elemento
                        [many] debe contener exactamente { $equal } de elementos
                       *[other] debe contener exactamente { $equal } elementos
                    }
                [between]
                    { $max ->
                        [many] debe contener entre { $min } y { $max } de elementos
                       *[other] debe contener entre { $min } y { $max } elementos
                    }
                [min]
                    { $min ->
                        [one] debe contener al menos { $min } elemento
                        [many] debe contener al menos { $min } de elementos
                       *[other] debe contener al menos { $min } elementos
                    }
                [max]
                    { $max ->
                        [one] debe contener como máximo { $max } elemento
                        [many] debe contener como máximo { $max } de elementos
                       *[other] debe contener como máximo { $max } elementos
                    }
               *[none] tiene un número de elementos no válido
            }
       *[chars]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] debe tener exactamente { $equal } carácter
                        [many] debe tener exactamente { $equal } de caracteres
                       *[other] debe tener exactamente { $equal } caracteres
                    }
                [between]
                    { $max ->
                        [many] debe tener entre { $min } y { $max } de caracteres
                       *[other] debe tener entre { $min } y { $max } caracteres
                    }
                [min]
                    { $min ->
                        [one] debe tener al menos { $min } carácter
                        [many] debe tener al menos { $min } de caracteres
                       *[other] debe tener al menos { $min } caracteres
                    }
                [max]
                    { $max ->
                        [one] debe tener como máximo { $max } carácter
                        [many] debe tener como máximo { $max } de caracteres
                       *[other] debe tener como máximo { $max } caracteres
                    }
               *[none] tiene un número de caracteres no válido
            }
    }

range =
    { $bound ->
        [between]
            { $exclusive ->
                [min] debe estar entre { $min } y { $max } y ser mayor que { $exclusive_min }
                [max] debe estar entre { $min } y { $max } y ser menor que { $exclusive_max }
                [both] debe estar entre { $min } y { $max }, y ser mayor que { $exclusive_min } y menor que { $exclusive_max }
               *[none] debe estar entre { $min } y { $max }
            }
        [min]
            { $exclusive ->
                [min] debe ser mayor o igual que { $min } y mayor que { $exclusive_min }
                [max] debe ser mayor o igual que { $min } y menor que { $exclusive_max }
                [both] debe ser mayor o igual que { $min }, mayor que { $exclusive_min } y menor que { $exclusive_max }
               *[none] debe ser mayor o igual que { $min }
            }
        [max]
            { $exclusive ->
                [min] debe ser mayor que { $exclusive_min } y menor o igual que { $max }
                [max] debe ser menor o igual que { $max } y menor que { $exclusive_max }
                [both] debe ser mayor que { $exclusive_min }, menor que { $exclusive_max } y menor o igual que { $max }
               *[none] debe ser menor o igual que { $max }
            }
       *[none]
            { $exclusive ->
                [min] debe ser mayor que { $exclusive_min }
                [max] debe ser menor que { $exclusive_max }
                [both] debe ser mayor que { $exclusive_min } y menor que { $exclusive_max }
               *[none] debe ser un número
            }
    }

pattern = debe coincidir con el patrón { $pattern }

email = debe ser una dirección de correo electrónico válida

url =
    { $kind ->
        [public] debe ser una URL pública válida ({ $schemes })
       *[other] debe ser una URL válida ({ $schemes })
    }

hostname = debe ser un nombre de host válido

ip = debe ser una dirección IP válida

ipv4 = debe ser una dirección IPv4 válida

ipv6 = debe ser una dirección IPv6 válida

uuid = debe ser un UUID válido

credit_card = debe ser un número de tarjeta de crédito válido

chars =
    { $kind ->
        [both] debe contener únicamente los siguientes caracteres: { $classes }, «{ $chars }»
        [chars] debe contener únicamente los caracteres «{ $chars }»
       *[classes] debe contener únicamente los siguientes caracteres: { $classes }
    }

ascii = debe contener únicamente caracteres ASCII

alphanumeric = debe contener únicamente letras y dígitos ASCII

no_control = no debe contener caracteres de control, bidireccionales ni de ancho cero

one_of = debe ser uno de los siguientes valores: { $values }

none_of = no debe ser ninguno de los siguientes valores: { $values }

contains = debe contener «{ $contains }»

not_contains = no debe contener «{ $not_contains }»


prefix = debe empezar por «{ $prefix }»

suffix = debe terminar en «{ $suffix }»

required = es obligatorio

must_match = debe coincidir con { $other }

password = es demasiado fácil de adivinar

unavailable = no se pudo comprobar; inténtelo de nuevo más tarde

## Errores de forma (la solicitud no tiene la forma esperada)

missing_field = es obligatorio

duplicate_field = aparece más de una vez

invalid_type =
    { $kind ->
        [expected] se esperaba: { $expected }
        [integer] debe ser un número entero
        [number] debe ser un número
        [boolean] debe ser un valor booleano
       *[other] tiene un tipo incorrecto
    }

invalid_value =
    { $kind ->
        [expected] se esperaba: { $expected }
        [out_of_range] está fuera del rango permitido
        [utf8] debe ser texto UTF-8
       *[other] no es un valor válido
    }

invalid_length =
    { $kind ->
        [expected] se esperaba: { $expected }
        [too_many] tiene demasiados elementos
       *[other] tiene una longitud incorrecta
    }

unknown_variant =
    { $kind ->
        [expected] se esperaba: { $expected }
        [none] no hay variantes
       *[other] no es una variante conocida
    }

unknown_field =
    { $kind ->
        [expected] campo desconocido, se esperaba: { $expected }
        [none] campo desconocido, no hay campos
       *[other] campo desconocido
    }

## Nombres de las clases de `chars`, que el renderizador une en $classes (no son códigos de error)

chars-class-ascii_lowercase = letras minúsculas ASCII
chars-class-ascii_uppercase = letras mayúsculas ASCII
chars-class-ascii_alpha = letras ASCII
chars-class-ascii_digit = dígitos ASCII
chars-class-ascii_alphanumeric = letras y dígitos ASCII
chars-class-ascii_punctuation = signos de puntuación ASCII
chars-class-space = espacios
